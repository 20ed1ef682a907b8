-- pigz: parallel gzip (also unpigz).
return {
  name = "pigz",
  version = "2.7",
  description = "Parallel implementation of gzip",
  license = "Zlib",
  homepage = "https://zlib.net/pigz/",
  sources = {
    -- sha256 from Void Linux srcpkgs/pigz/template.
    { url = "https://zlib.net/pigz/pigz-2.7.tar.gz",
      sha256 = "b4c9e60344a08d5db37ca7ad00a5b2c76ccb9556354b722d56d55ca7e8b1c707" },
  },
  build_deps = { "zlib" },
  build = [[
make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS" pigz
install -D -m 0755 pigz "$DESTDIR/usr/bin/pigz"
ln -s pigz "$DESTDIR/usr/bin/unpigz"
install -D -m 0644 pigz.1 "$DESTDIR/usr/share/man/man1/pigz.1"
]],
}
