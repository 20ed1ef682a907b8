-- darkhttpd: a single-binary static web server (one C file).
return {
  name = "darkhttpd",
  version = "1.12",
  description = "Small static web server",
  license = "ISC",
  homepage = "https://unix4lyfe.org/darkhttpd/",
  sources = {
    -- sha256 from Void Linux srcpkgs/darkhttpd/template.
    { url = "http://dmr.ath.cx/net/darkhttpd/darkhttpd-1.12.tar.bz2",
      sha256 = "a50417b622b32b5f421b3132cb94ebeff04f02c5fb87fba2e31147d23de50505" },
  },
  build = [[
make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS" darkhttpd
install -D -m 0755 darkhttpd "$DESTDIR/usr/bin/darkhttpd"
]],
}
