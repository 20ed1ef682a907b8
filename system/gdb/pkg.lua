-- gdb: the GNU debugger (C++; gmp and mpfr are required since gdb 14).
return {
  name = "gdb",
  version = "16.3",
  description = "The GNU debugger",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/gdb/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of gdb 16.3-1: the upstream release file, byte for byte).
    { url = "https://ftp.gnu.org/gnu/gdb/gdb-16.3.tar.xz",
      sha256 = "99c11713693d81d5463733c29333f2c06c358b730c911b2438a849b26ca4b6b6" },
  },
  -- gdb with binutils' bfd and opcodes: over an hour beside other builds (the default 3600 s timed out).
  timeout = 3 * 3600,
  build_deps = { "musl-cross-make", "gmp", "mpfr", "ncurses", "expat", "zlib", "xz" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
mkdir build && cd build
../configure --prefix=/usr --disable-nls --disable-werror --without-python \
  --without-guile --without-debuginfod --disable-sim --disable-gprofng \
  --disable-binutils --disable-ld --disable-gold --disable-gas --disable-gprof \
  --with-gmp="$SYSROOT/usr" --with-mpfr="$SYSROOT/usr" --with-expat \
  --with-system-zlib --with-lzma --enable-tui --with-curses \
  --disable-inprocess-agent
# No texinfo here: bfd's manual is left unmade (its sources' times all equal, make
# would otherwise remake it).
make -j"$JOBS" all-gdb MAKEINFO=true
make install-gdb DESTDIR="$DESTDIR" MAKEINFO=true
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/include" "$DESTDIR/usr/lib"
]],
}
