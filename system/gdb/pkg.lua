-- gdb: the GNU debugger (C++; gmp and mpfr are required since gdb 14).
return {
  name = "gdb",
  version = "16.2",
  description = "The GNU debugger",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/gdb/",
  sources = {
    -- sha256 from Homebrew's gdb formula (Formula/g/gdb.rb).
    { url = "https://ftp.gnu.org/gnu/gdb/gdb-16.2.tar.xz",
      sha256 = "4002cb7f23f45c37c790536a13a720942ce4be0402d929c9085e92f10d480119" },
  },
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
make -j"$JOBS" all-gdb
make install-gdb DESTDIR="$DESTDIR"
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/include" "$DESTDIR/usr/lib"
]],
}
