-- musl-cross-make: gcc, g++ and binutils for x86_64-linux-musl, hosted on
-- musl and linked statically: the system's compiler (`cc`, `gcc`, `c++`,
-- `x86_64-linux-musl-*` in /usr/bin).  The package keeps musl-cross-make's
-- name because profiles and recipes name it, and the result has its layout.
--
-- musl-cross-make's own Makefile is not used.  Neither its release tarball
-- nor any of the upstream gcc/binutils/gmp files it pins can be fetched here
-- (no distribution's source archive carries musl-cross-make), so this recipe
-- performs the same procedure itself: binutils, then gcc with musl as the C
-- library, for the target x86_64-linux-musl, C and C++, static.  Like
-- musl-cross-make's output, the toolchain is self-contained and relocatable:
-- its musl (libc.a, crt files, headers) and the kernel headers live in its
-- own sysroot /usr/x86_64-linux-musl, so it works from /usr/bin on Stasis and
-- from $SYSROOT/usr/bin in a build container alike.  It does not search
-- /usr/include or /usr/lib of the system for the C library; packages pass
-- -I/-L for their dependencies (CPPFLAGS/LDFLAGS), as every recipe does.
--
-- Two passes, as musl-cross-make makes a native toolchain:
--   1. a cross toolchain hosted on the dev builder (the builder's g++ is
--      glibc's, its musl-gcc is C only): the package musl-cross-bootstrap, a
--      builder tool, cached on its own (each pass is a long gcc build);
--   2. this package: the real toolchain, --host=x86_64-linux-musl, compiled
--      by pass 1 and linked statically, installed in $DESTDIR/usr.
-- In stages a and b the previous stage's toolchain (this package) is on PATH
-- and takes pass 1's place.  gmp, mpfr and mpc are built in gcc's tree.
--
-- Static only: no libc.so, libgcc_s or libstdc++.so is built, so links need
-- -static (the farm's LDFLAGS always carry it).  No LTO: a statically linked
-- ld cannot load gcc's LTO plugin (static musl has no dlopen), so gcc is
-- built with --disable-lto and binutils with --disable-plugins; `lto = true`
-- in default.lua therefore does not apply to packages built with this gcc.
local gcc, binutils, musl, linux = "14.2.0", "2.44", "1.2.5", "6.1.176"
local gmp, mpfr, mpc = "6.3.0", "4.2.2", "1.3.1"

return {
  name = "musl-cross-make",
  version = "gcc" .. gcc .. "-binutils" .. binutils .. "-musl" .. musl,
  description = "GCC and binutils toolchain for x86_64-linux-musl (static)",
  license = "GPL-3.0-or-later WITH GCC-exception-3.1 AND GPL-3.0-or-later AND LGPL-3.0-or-later AND MIT",
  homepage = "https://gcc.gnu.org/",
  sources = {
    -- Mirror-only: Debian's gcc-14 orig tarball (source package gcc-14,
    -- version 14.2.0-12).  It holds gcc-14.2.0-dfsg.tar.xz (upstream gcc
    -- 14.2.0 with the GFDL manuals and the prebuilt info/HTML/man pages
    -- taken out or emptied; every other file matches upstream's MD5SUMS) and
    -- newlib, which is not used.  The build unpacks the inner tarball.
    { file = "gcc-14_" .. gcc .. ".orig.tar.gz",
      sha256 = "e162a5ef3f0077ecae598c6556908d2ab80841532df3398072a96a6df6e6aa29", extract = false },
    -- Mirror-only: Debian's binutils orig tarball (source package binutils,
    -- version 2.44-3): upstream binutils 2.44 with bfd's GFDL manual
    -- reduced and bfd.info and a .chm file taken out (checked against the
    -- tarball's own sha256.sum); not byte-identical to the GNU release.
    { file = "binutils_" .. binutils .. ".orig.tar.xz",
      sha256 = "c41a0272424f41bb01bf828e7ffef1b2d59d1788064fd6b5f1d971717e9320b8", extract = false },
    -- Mirror-only: Debian's gmp repack (source package gmp, version
    -- 2:6.3.0+dfsg-3): gmp 6.3.0 without doc/ (GFDL), top directory
    -- gmp-6.3.0+dfsg.  The build takes doc/ out of gmp's configure.
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
  -- gcc is built with its own flags; default.lua's CFLAGS/LTO are not given
  -- to it (toolchain = false).
  toolchain = false,
  build_deps = farm.stage == "dev" and { "musl-cross-bootstrap" } or nil,
  timeout = 6 * 3600,
  build = [[
T=x86_64-linux-musl
GCCV=]] .. gcc .. [[

S=/build/src
W=/build/work
mkdir -p "$W" /build/logs
cd "$W"

# Each long step writes its output to /build/logs/<step>.log; the farm's log
# shows the steps, and the end of a failed step's log.
step() {
  name=$1; shift
  echo "== $name"
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

# --- sources ----------------------------------------------------------------
tar -xzf "$S/gcc-14_$GCCV.orig.tar.gz" -O gcc-14-$GCCV/gcc-$GCCV-dfsg.tar.xz | tar -xJ
tar -xJf "$S/binutils_]] .. binutils .. [[.orig.tar.xz"
G=$W/gcc-$GCCV
B=$W/binutils-]] .. binutils .. [[

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
# genhooks cannot regenerate tm.texi (the target macros manual), which gcc's
# build checks against doc/tm.texi; no manual is built here (MAKEINFO=true),
# so that check's stamp is made directly.
sed -i -e '/^s-tm-texi: build\/genhooks/,/^\tfi$/{/^s-tm-texi:/!d}' \
  -e 's/^s-tm-texi: build\/genhooks.*$/&\n\t$(STAMP) $@/' "$G/gcc/Makefile.in"
grep -q '^s-tm-texi: build/genhooks' "$G/gcc/Makefile.in"

BUILD=$(sh "$G/config.guess")
# In stages a and b the build compiler is a musl gcc without libc.so.
case $BUILD in *musl*) FOR_BUILD=-static ;; *) FOR_BUILD= ;; esac

# How binutils and gcc are configured (musl-cross-bootstrap, pass 1, alike).
# MAKEINFO=true: the Debian repacks lack some manuals and there is no texinfo;
# no documentation is built.
BINUTILS_CONF="--target=$T --disable-nls --disable-werror --disable-plugins
  --disable-gprofng --enable-deterministic-archives --without-zstd
  --without-debuginfod --without-msgpack MAKEINFO=true"
GCC_CONF="--target=$T --enable-languages=c,c++ --disable-multilib
  --disable-bootstrap --disable-nls --disable-werror --disable-shared
  --disable-lto --disable-plugin --disable-libsanitizer --disable-libquadmath
  --disable-libitm --disable-libvtv --disable-libgomp --disable-libssp --without-isl
  --without-zstd --enable-tls --enable-initfini-array
  --with-native-system-header-dir=/include
  --with-debug-prefix-map=$W=/usr/src/musl-cross-make MAKEINFO=true"

# The C library and kernel headers of a sysroot ($1), built by $T-gcc.
musl_install() (
  mkdir -p "$1/include"
  cp -R "$K/." "$1/include/"
  make -C "$W/musl" install DESTDIR="$1"
)
musl_build() (
  rm -rf "$W/musl"; mkdir "$W/musl"; cd "$W/musl"
  CROSS_COMPILE=$T- CC=$T-gcc CFLAGS=-O2 "$M/configure" --prefix= \
    --target=$T --disable-shared --enable-static
  make -j"$JOBS"
)

have_toolchain() {
  command -v $T-g++ >/dev/null 2>&1 && [ "$($T-gcc -dumpfullversion)" = "$GCCV" ]
}

# --- pass 1: in the dev stage, musl-cross-bootstrap; else the previous stage's
if [ "$STASIS_STAGE" = dev ]; then
  export PATH="$SYSROOT/usr/lib/musl-cross-bootstrap/bin:$PATH"
fi
have_toolchain || {
  echo "no $T-g++ of gcc $GCCV on PATH (dev: musl-cross-bootstrap; a, b: the stage's own)"
  exit 1
}
step musl musl_build

# --- pass 2: the real toolchain, hosted on musl, static ---------------------
SR=/usr/$T
step musl-install musl_install "$DESTDIR$SR"

binutils2() (
  mkdir -p "$W/binutils2"; cd "$W/binutils2"
  CC="$T-gcc -static" CXX="$T-g++ -static" CFLAGS=-O2 CXXFLAGS=-O2 LDFLAGS=-static \
  CC_FOR_BUILD="gcc $FOR_BUILD" CXX_FOR_BUILD="g++ $FOR_BUILD" \
    "$B/configure" $BINUTILS_CONF --build="$BUILD" --host=$T --prefix=/usr \
      --program-prefix=$T- --with-sysroot=$SR
  make -j"$JOBS" MAKEINFO=true
  make install-strip DESTDIR="$DESTDIR" MAKEINFO=true
)
step binutils binutils2

gcc2() (
  mkdir -p "$W/gcc2"; cd "$W/gcc2"
  CC="$T-gcc -static" CXX="$T-g++ -static" CFLAGS=-O2 CXXFLAGS=-O2 LDFLAGS=-static \
  CC_FOR_BUILD="gcc $FOR_BUILD" CXX_FOR_BUILD="g++ $FOR_BUILD" \
  CFLAGS_FOR_TARGET=-O2 CXXFLAGS_FOR_TARGET=-O2 \
    "$G/configure" $GCC_CONF --build="$BUILD" --host=$T --prefix=/usr \
      --with-sysroot=$SR --with-build-sysroot="$DESTDIR$SR"
  # gcc records its configure arguments in the driver (gcc -v); the build
  # sysroot is used only while building, so it is left out of that record
  # (it names this container's DESTDIR, which the audit rightly flags).
  sed -i "/^TOPLEVEL_CONFIGURE_ARGUMENTS=/s| '\{0,1\}--with-build-sysroot=[^ ']*'\{0,1\}||" Makefile
  if grep '^TOPLEVEL_CONFIGURE_ARGUMENTS=' Makefile | grep -q build-sysroot; then
    echo "the build sysroot is still in gcc's recorded configure arguments"; exit 1
  fi
  make -j"$JOBS"
  make install-strip DESTDIR="$DESTDIR"
)
step gcc gcc2

# --- names ------------------------------------------------------------------
# Unprefixed names for binutils (gcc installs both kinds itself).  Not
# `strings`: busybox has that applet, and two packages may not own one path.
cd "$DESTDIR/usr/bin"
for t in addr2line ar as c++filt elfedit gprof ld ld.bfd nm objcopy objdump \
         ranlib readelf size strip; do
  if [ -e "$T-$t" ]; then ln -sf "$T-$t" "$t"; fi
done
for t in gcc g++ c++ cpp gcc-ar gcc-nm gcc-ranlib gcov; do
  if [ -e "$t" ] && [ ! -e "$T-$t" ]; then ln -s "$t" "$T-$t"; fi
done
ln -sf gcc cc
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/man/man7"
rm -f "$DESTDIR"/usr/lib/*.la "$DESTDIR"/usr/lib/gcc/$T/$GCCV/*.la

# The result compiles and links C and C++ with its own headers and libraries.
cd /build/work
printf '#include <stdio.h>\nint main(void){puts("c ok");return 0;}\n' > t.c
printf '#include <iostream>\n#include <vector>\nint main(){std::vector<int> v{1,2};try{throw v.size();}catch(unsigned long n){std::cout<<"c++ ok "<<n<<std::endl;}}\n' > t.cc
"$DESTDIR/usr/bin/gcc" -static -o t-c t.c && ./t-c
"$DESTDIR/usr/bin/g++" -static -o t-cc t.cc && ./t-cc
file "$DESTDIR/usr/bin/gcc" "$DESTDIR/usr/libexec/gcc/$T/$GCCV/cc1plus"
"$DESTDIR/usr/bin/gcc" -v 2>&1 | grep '^Configured with'
if grep -l "$DESTDIR" "$DESTDIR/usr/bin/gcc" "$DESTDIR/usr/bin/g++" "$DESTDIR/usr/bin/cpp"; then
  echo "the driver still names the build's DESTDIR"; exit 1
fi
]],
}
