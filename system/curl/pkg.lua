-- curl: URL transfer tool and libcurl (static), TLS from openssl, the CA
-- bundle from certs (/etc/ssl/cert.pem).
return {
  name = "curl",
  version = "7.88.1",
  description = "Command-line tool and library for transferring data with URLs",
  license = "curl",
  homepage = "https://curl.se/",
  sources = {
    { url = "https://curl.se/download/curl-7.88.1.tar.gz",
      sha256 = "cdb38b72e36bc5d33d5b8810f8018ece1baa29a8f215b4495e495ded82bbf3c7" },
  },
  build_deps = { "zlib", "openssl" },
  deps = { "certs" },
  build_style = "configure",
  configure_args = {
    "--with-openssl=$SYSROOT/usr", "--with-zlib", "--without-brotli", "--without-zstd",
    "--without-libpsl", "--without-libidn2", "--without-nghttp2", "--without-libssh2",
    "--disable-ldap", "--disable-ldaps", "--disable-rtsp", "--disable-dict",
    "--disable-manual", "--with-ca-bundle=/etc/ssl/cert.pem", "--without-ca-path",
    "--enable-ipv6", "--enable-unix-sockets",
  },
  -- libtool: -all-static (at make time) for a fully static curl.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  post_install = [[
# curl-config and libcurl.pc record the configure-time flags and options
# (--with-openssl=$SYSROOT/usr); the sysroot is meaningless outside this build.
sed -i -e "s| *-[IL]$SYSROOT/usr/[a-z]*||g" -e "s|$SYSROOT||g" "$DESTDIR/usr/bin/curl-config" \
  "$DESTDIR/usr/lib/pkgconfig/libcurl.pc"
if grep -q "$SYSROOT" "$DESTDIR/usr/bin/curl-config" "$DESTDIR/usr/lib/pkgconfig/libcurl.pc"; then
  exit 1
fi
]],
}
