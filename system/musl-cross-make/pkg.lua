-- musl-cross-make: gcc, g++ and binutils for x86_64-linux-musl, hosted on
-- musl and linked statically: the system's compiler (`cc`, `gcc`, `c++`,
-- `x86_64-linux-musl-*` in /usr/bin).
--
-- Upstream, musl-cross-make downloads gcc, binutils, gmp, mpc, mpfr, musl and
-- the kernel headers itself.  Here every one of them is a source of this
-- recipe (so the farm fetches, verifies and mirrors them); the build copies
-- them into musl-cross-make's sources/ directory and the Makefile's download
-- rules never run (the container has no network anyway).
--
-- jthat/musl-cross-make is the maintained fork (gcc 15, binutils 2.44, musl
-- 1.2.5); its v1.3.0 tarball and the versions below are those of the
-- musl-cross-gcc 1.3.0 Homebrew formula (jthat/homebrew-musl-cross), where
-- every sha256 of the gcc/binutils/musl/linux/config.sub files was recorded.
-- gmp, mpfr and mpc sha256 from Homebrew's gmp, mpfr and libmpc formulas.
--
-- Building a musl-hosted compiler needs a C++ compiler that targets musl.
-- When none is on PATH (the dev stage: the builder's g++ is glibc's), the
-- build first makes a cross toolchain with the builder's g++ in /build/cross
-- and then builds the real one with it; in stages a and b the previous
-- stage's x86_64-linux-musl-g++ (this package, in the stage rootfs) is used.
local gcc, binutils, musl, linux = "15.1.0", "2.44", "1.2.5", "4.19.325"
local gmp, mpfr, mpc = "6.3.0", "4.2.1", "1.3.1"

return {
  name = "musl-cross-make",
  version = "1.3.0-gcc" .. gcc,
  description = "GCC and binutils toolchain for x86_64-linux-musl (static)",
  license = "MIT AND GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-3.0-or-later",
  homepage = "https://github.com/jthat/musl-cross-make",
  sources = {
    { url = "https://github.com/jthat/musl-cross-make/archive/refs/tags/v1.3.0.tar.gz",
      file = "musl-cross-make-1.3.0.tar.gz",
      sha256 = "479a3cc22068ceeb09d5168c084eb6449d5e1e33579fcccf55435249170a28fd" },
    { url = "https://ftp.gnu.org/gnu/gcc/gcc-" .. gcc .. "/gcc-" .. gcc .. ".tar.xz",
      sha256 = "e2b09ec21660f01fecffb715e0120265216943f038d0e48a9868713e54f06cea", extract = false },
    { url = "https://ftp.gnu.org/gnu/binutils/binutils-" .. binutils .. ".tar.xz",
      sha256 = "ce2017e059d63e67ddb9240e9d4ec49c2893605035cd60e92ad53177f4377237", extract = false },
    { url = "https://www.musl-libc.org/releases/musl-" .. musl .. ".tar.gz",
      sha256 = "a9a118bbe84d8764da0ea0d28b3ab3fae8477fc7e4085d90102b8596fc7c75e4", extract = false },
    { url = "https://cdn.kernel.org/pub/linux/kernel/v4.x/linux-" .. linux .. ".tar.xz",
      sha256 = "607bed7de5cda31a443df4c8a78dbe5e8a9ad31afde2a4d28fe99ab4730e8de1", extract = false },
    { url = "https://git.savannah.gnu.org/gitweb/?p=config.git;a=blob_plain;f=config.sub;hb=00b159274960",
      file = "config.sub",
      sha256 = "11c54f55c3ac99e5d2c3dc2bb0bcccbf69f8223cc68f6b2438daa806cf0d16d8", extract = false },
    { url = "https://ftp.gnu.org/gnu/gmp/gmp-" .. gmp .. ".tar.xz",
      sha256 = "a3c2b80201b89e68616f4ad30bc66aee4927c3ce50e33929ca819d5c43538898", extract = false },
    { url = "https://ftp.gnu.org/gnu/mpfr/mpfr-" .. mpfr .. ".tar.xz",
      sha256 = "277807353a6726978996945af13e52829e3abd7a9a5b7fb2793894e18f1fcbb2", extract = false },
    { url = "https://ftp.gnu.org/gnu/mpc/mpc-" .. mpc .. ".tar.gz",
      sha256 = "ab642492f5cf882b74aa0cb730cd410a81edcdbec895183ce930e706c1c759b8", extract = false },
  },
  -- The compiler is built with its own flags; default.lua's CFLAGS/LTO are
  -- not given to gcc's bootstrap (toolchain = false).
  toolchain = false,
  timeout = 8 * 3600,
  build = [[
mkdir -p sources
for f in gcc-]] .. gcc .. [[.tar.xz binutils-]] .. binutils .. [[.tar.xz musl-]] .. musl .. [[.tar.gz \
         linux-]] .. linux .. [[.tar.xz gmp-]] .. gmp .. [[.tar.xz mpfr-]] .. mpfr .. [[.tar.xz \
         mpc-]] .. mpc .. [[.tar.gz; do
  cp /build/src/$f sources/$f
done
cp /build/src/config.sub sources/config.sub
# Newer than hashes/*.sha1: make must not try to download them again.
touch sources/*

cat > config.mak <<MAK
TARGET = x86_64-linux-musl
GCC_VER = ]] .. gcc .. [[

BINUTILS_VER = ]] .. binutils .. [[

MUSL_VER = ]] .. musl .. [[

LINUX_VER = ]] .. linux .. [[

GMP_VER = ]] .. gmp .. [[

MPFR_VER = ]] .. mpfr .. [[

MPC_VER = ]] .. mpc .. [[

ISL_VER =
CONFIG_SUB_REV = 00b159274960
COMMON_CONFIG += --disable-nls --disable-werror
COMMON_CONFIG += --with-debug-prefix-map=\$(CURDIR)=
GCC_CONFIG += --enable-languages=c,c++ --disable-multilib --disable-libsanitizer
GCC_CONFIG += --disable-libquadmath --disable-decimal-float --disable-libitm
MAK

if ! command -v x86_64-linux-musl-g++ >/dev/null 2>&1; then
  # Dev stage: a cross toolchain built by the builder's g++ first.
  make -j"$JOBS" OUTPUT=/build/cross install
  export PATH="/build/cross/bin:$PATH"
  make clean
fi

# The real toolchain: hosted on musl, static, installed in /usr.
cat >> config.mak <<MAK
HOST = x86_64-linux-musl
COMMON_CONFIG += CC="x86_64-linux-musl-gcc -static --static" CXX="x86_64-linux-musl-g++ -static --static"
COMMON_CONFIG += CFLAGS="-O2" CXXFLAGS="-O2" LDFLAGS="-s"
MAK
make -j"$JOBS" OUTPUT=/usr
make OUTPUT=/usr DESTDIR="$DESTDIR" install

cd "$DESTDIR/usr/bin"
for t in gcc g++ cpp c++ ar as ld nm objcopy objdump ranlib readelf size strings strip; do
  test -e x86_64-linux-musl-$t && ln -sf x86_64-linux-musl-$t $t
done
ln -sf gcc cc
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/man/man7"
]],
}
