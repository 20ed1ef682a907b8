-- musl-cross-bootstrap: pass 1 of musl-cross-make (docs/toolchain.md).  A
-- cross toolchain for x86_64-linux-musl (gcc with C and C++, musl, libgcc and
-- libstdc++, over musl-cross-binutils) that runs on the dev stage's builder: its programs
-- are the builder's (glibc, dynamically linked), so it is a builder tool.
-- The farm builds it only in the dev stage and only as a build dependency; it
-- never enters a rootfs.  Its one user is musl-cross-make, which compiles the
-- real toolchain (hosted on musl, static) with it.  A package of its own so
-- that the two long gcc builds are cached one by one; binutils, a build_dep,
-- is copied into the prefix first and left out of this package's output (the
-- builds that use pass 1 get both in their sysroot).
--
-- Everything lives under /usr/lib/musl-cross-bootstrap, with the target's
-- sysroot (musl, kernel headers) beneath it in x86_64-linux-musl/, so gcc
-- and ld find their files relative to their own location: the toolchain
-- works from $SYSROOT/usr/lib/musl-cross-bootstrap/bin in a build container.
-- Sources and configuration are musl-cross-make's (see its pkg.lua).
local gcc, binutils, musl, linux = "14.2.0", "2.44", "1.2.5", "6.1.176"
local gmp, mpfr, mpc = "6.3.0", "4.2.2", "1.3.1"

return {
  name = "musl-cross-bootstrap",
  version = "gcc" .. gcc .. "-binutils" .. binutils .. "-musl" .. musl,
  description = "Cross gcc/g++ for x86_64-linux-musl (over musl-cross-binutils), hosted on the dev builder",
  license = "GPL-3.0-or-later WITH GCC-exception-3.1 AND GPL-3.0-or-later AND LGPL-3.0-or-later AND MIT",
  homepage = "https://gcc.gnu.org/",
  builder_tool = true,
  sources = {
    -- Mirror-only: Debian's gcc-14 orig tarball (source package gcc-14,
    -- version 14.2.0-12), holding gcc-14.2.0-dfsg.tar.xz: upstream gcc 14.2.0
    -- without the GFDL manuals (see musl-cross-make's recipe).
    { file = "gcc-14_" .. gcc .. ".orig.tar.gz",
      sha256 = "e162a5ef3f0077ecae598c6556908d2ab80841532df3398072a96a6df6e6aa29", extract = false },
    -- Mirror-only: Debian's gmp repack (source package gmp, version
    -- 2:6.3.0+dfsg-3): gmp 6.3.0 without doc/ (GFDL).
    { file = "gmp_" .. gmp .. "+dfsg.orig.tar.xz",
      sha256 = "bd2966e6d277f79328e894a5a9f3ba3fbf2ed2be81def5f48623e30c23fb1572" },
    -- The GNU release file (Debian's mpfr4 4.2.2 orig tarball is the same
    -- file); sha256 as in Homebrew's mpfr formula.
    { url = "https://ftp.gnu.org/gnu/mpfr/mpfr-" .. mpfr .. ".tar.xz",
      sha256 = "b67ba0383ef7e8a8563734e2e889ef5ec3c3b898a01d00fa0a6869ad81c6ce01" },
    { url = "https://ftp.gnu.org/gnu/mpc/mpc-" .. mpc .. ".tar.gz",
      sha256 = "ab642492f5cf882b74aa0cb730cd410a81edcdbec895183ce930e706c1c759b8" },
    { url = "https://musl.libc.org/releases/musl-" .. musl .. ".tar.gz",
      sha256 = "a9a118bbe84d8764da0ea0d28b3ab3fae8477fc7e4085d90102b8596fc7c75e4" },
    -- Mirror-only: the generated kernel headers, the same file as
    -- linux-headers' (see system/linux-headers/pkg.lua).
    { file = "linux-headers-" .. linux .. ".tar.xz",
      sha256 = "b12109647b6bdbc26fa6dfb378b0c9d62721297d93aedec2b930034537e38150" },
  },
  -- Builder tools are built in the dev stage only, and so is this one.
  build_deps = farm.stage == "dev" and { "musl-cross-binutils" } or nil,
  -- gcc is built with its own flags (toolchain = false): the builder's gcc
  -- and g++ compile the programs, the new cross gcc the target libraries.
  toolchain = false,
  timeout = 6 * 3600,
  build = [[
T=x86_64-linux-musl
P=/usr/lib/musl-cross-bootstrap
XS=$P/$T
S=/build/src
W=/build/work
# The package's output directory: kept aside, because gcc's and binutils'
# make install honour DESTDIR from the environment, and this toolchain is
# installed where it runs ($P) first.
OUT=$DESTDIR
unset DESTDIR
mkdir -p "$W" /build/logs
cd "$W"

# Each long step writes its output to /build/logs/<step>.log; the farm's log
# shows the steps, and the end of a failed step's log.
step() {
  name=$1; shift
  echo "== $name $(date -u +%H:%M:%S)"
  set +e
  ( set -e; "$@" ) > "/build/logs/$name.log" 2>&1
  rc=$?
  set -e
  if [ $rc -ne 0 ]; then
    echo "== $name failed ($rc); the end of its log:"
    tail -n 80 "/build/logs/$name.log"
    echo "== lines of $name's log that mention an error:"
    grep -n -E 'error|Error|\*\*\*' "/build/logs/$name.log" | tail -n 40 || true
    exit $rc
  fi
}

tar -xzf "$S/gcc-14_]] .. gcc .. [[.orig.tar.gz" -O gcc-14-]] .. gcc .. [[/gcc-]] .. gcc .. [[-dfsg.tar.xz | tar -xJ
G=$W/gcc-]] .. gcc .. [[

M=$S/musl-]] .. musl .. [[

K=$S/linux-headers-]] .. linux .. [[/include
# Debian's gmp repack has no doc/: configure must not ask for doc/Makefile.
(cd "$S/gmp-]] .. gmp .. [[+dfsg" &&
  sed -i 's| doc/Makefile||' configure &&
  sed -i 's|^SUBDIRS = \(.*\) doc$|SUBDIRS = \1|' Makefile.in)
ln -s "$S/gmp-]] .. gmp .. [[+dfsg" "$G/gmp"
ln -s "$S/mpfr-]] .. mpfr .. [[" "$G/mpfr"
ln -s "$S/mpc-]] .. mpc .. [[" "$G/mpc"

# The repack's doc/tm.texi.in lost its hook placeholders with the GFDL text, so
# genhooks cannot regenerate tm.texi, which gcc's build checks against
# doc/tm.texi; no manual is built (MAKEINFO=true), so that check's stamp is
# made directly.
sed -i -e '/^s-tm-texi: build\/genhooks/,/^\tfi$/{/^s-tm-texi:/!d}' \
  -e 's/^s-tm-texi: build\/genhooks.*$/&\n\t$(STAMP) $@/' "$G/gcc/Makefile.in"
grep -q '^s-tm-texi: build/genhooks' "$G/gcc/Makefile.in"

# The toolchain is built where it is installed (gcc's target libraries are
# compiled against the sysroot it was configured with), then copied out.
# binutils (musl-cross-binutils) where it was built to live; what is there now
# is left out of this package's output at the end.
mkdir -p "$P"
cp -a "$SYSROOT$P/." "$P/"
(cd "$P" && find . ! -type d | sort) > "$W/binutils-files"
export PATH="$P/bin:$PATH"

# gcc's configure needs the target's headers in the sysroot.
mkdir -p "$XS/include"
cp -R "$K/." "$XS/include/"
step musl-headers make -C "$M" ARCH=x86_64 prefix= DESTDIR="$XS" install-headers

gcc_compiler() (
  mkdir -p "$W/gcc"; cd "$W/gcc"
  CFLAGS=-O2 CXXFLAGS=-O2 CFLAGS_FOR_TARGET=-O2 CXXFLAGS_FOR_TARGET=-O2 \
    "$G/configure" --target=$T --prefix=$P --with-sysroot=$XS \
      --enable-languages=c,c++ --disable-multilib --disable-bootstrap \
      --disable-nls --disable-werror --disable-shared --disable-lto \
      --disable-plugin --disable-libsanitizer --disable-libquadmath \
      --disable-libitm --disable-libvtv --disable-libgomp --disable-libssp \
      --without-isl --without-zstd --enable-tls --enable-initfini-array \
      --with-native-system-header-dir=/include \
      --with-debug-prefix-map=$W=/usr/src/musl-cross-bootstrap MAKEINFO=true
  make -j"$JOBS" all-gcc
  make install-gcc
)
step gcc-compiler gcc_compiler

musl() (
  mkdir -p "$W/musl"; cd "$W/musl"
  CROSS_COMPILE=$T- CC=$T-gcc CFLAGS=-O2 "$M/configure" --prefix= \
    --target=$T --disable-shared --enable-static
  make -j"$JOBS"
  make install DESTDIR="$XS"
)
step musl musl

gcc_libraries() (
  cd "$W/gcc"
  make -j"$JOBS"
  make install
)
step gcc-libraries gcc_libraries

rm -rf "$P/share/info" "$P/share/man"
find "$P" -name '*.la' -delete

# The cross compiler links C and C++ programs that run (static musl binaries
# run on the builder's kernel).
printf '#include <stdio.h>\nint main(void){puts("c ok");return 0;}\n' > t.c
printf '#include <iostream>\n#include <vector>\nint main(){std::vector<int> v{1,2};try{throw v.size();}catch(unsigned long n){std::cout<<"c++ ok "<<n<<std::endl;}}\n' > t.cc
$T-gcc -static -o t-c t.c && ./t-c
$T-g++ -static -o t-cc t.cc && ./t-cc

mkdir -p "$OUT$P"
(cd "$P" && find . ! -type d | sort) > "$W/all-files"
comm -13 "$W/binutils-files" "$W/all-files" > "$W/gcc-files"
(cd "$P" && tar -cf - -T "$W/gcc-files") | (cd "$OUT$P" && tar -xpf -)
echo "== done $(date -u +%H:%M:%S)"
]],
}
