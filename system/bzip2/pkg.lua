-- bzip2: block-sorting compressor and libbz2 (static only).
return {
  name = "bzip2",
  version = "1.0.8",
  description = "Block-sorting file compressor and the libbz2 library",
  license = "bzip2-1.0.6",
  homepage = "https://sourceware.org/bzip2/",
  sources = {
    { url = "https://sourceware.org/pub/bzip2/bzip2-1.0.8.tar.gz",
      sha256 = "ab5a03176ee106d3f0fa90e381da478ddae405918153cca248e682cd0c4a2269" },
  },
  build = [[
# The plain Makefile has no configure step.  Only the static library and the
# two programs are built: its `all` target also runs the test suite, and its
# `install` target makes absolute symlinks that would point into $DESTDIR.
make -j"$JOBS" CC="$CC" AR=ar RANLIB=ranlib \
  CFLAGS="$CFLAGS $CPPFLAGS -D_FILE_OFFSET_BITS=64" LDFLAGS="$LDFLAGS" \
  libbz2.a bzip2 bzip2recover

install -d "$DESTDIR/usr/bin" "$DESTDIR/usr/lib" "$DESTDIR/usr/include" \
  "$DESTDIR/usr/share/man/man1"
install -m 755 bzip2 bzip2recover bzdiff bzgrep bzmore "$DESTDIR/usr/bin/"
install -m 644 libbz2.a "$DESTDIR/usr/lib/"
install -m 644 bzlib.h "$DESTDIR/usr/include/"
install -m 644 bzip2.1 bzdiff.1 bzgrep.1 bzmore.1 "$DESTDIR/usr/share/man/man1/"
# The usual aliases, as relative links.
cd "$DESTDIR/usr/bin"
ln -s bzip2 bunzip2
ln -s bzip2 bzcat
ln -s bzdiff bzcmp
ln -s bzgrep bzegrep
ln -s bzgrep bzfgrep
ln -s bzmore bzless
]],
}
