-- pigz: parallel gzip (also unpigz).
return {
  name = "pigz",
  version = "2.8",
  description = "Parallel implementation of gzip",
  license = "Zlib",
  homepage = "https://zlib.net/pigz/",
  sources = {
    -- Mirror-only: Debian's .tar.xz of pigz 2.8 (upstream ships .tar.gz) (orig tarball of Debian source package pigz 2.8-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "pigz_2.8.orig.tar.xz",
      sha256 = "bec34f9d61e28b9b069da9efd53e73d22cd207a4798ed664832dc9b17aa486aa" },
  },
  build_deps = { "zlib" },
  build = [[
make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS" pigz
install -D -m 0755 pigz "$DESTDIR/usr/bin/pigz"
ln -s pigz "$DESTDIR/usr/bin/unpigz"
install -D -m 0644 pigz.1 "$DESTDIR/usr/share/man/man1/pigz.1"
]],
}
