-- libressl: TLS and crypto (libssl, libcrypto, libtls, the openssl and nc
-- commands).  The system's trust store comes from certs (/etc/ssl/cert.pem).
return {
  name = "libressl",
  version = "4.1.0",
  description = "TLS/crypto stack forked from OpenSSL by OpenBSD",
  license = "OpenSSL AND ISC",
  homepage = "https://www.libressl.org/",
  sources = {
    -- sha256 from a CMake dependency pin (VIO_LIBRESSL_SHA256) and Homebrew's libressl formula.
    { url = "https://ftp.openbsd.org/pub/OpenBSD/LibreSSL/libressl-4.1.0.tar.gz",
      sha256 = "0f71c16bd34bdaaccdcb96a5d94a4921bfb612ec6e0eba7a80d8854eefd8bb61" },
  },
  deps = { "certs" },
  build_style = "configure",
  configure_args = { "--with-openssldir=/etc/ssl", "--disable-tests" },
  post_install = [[
# The CA bundle is certs' file; libressl's copy would shadow updates.
rm -f "$DESTDIR/etc/ssl/cert.pem"
# nc is gnu-netcat's name on this system.
rm -f "$DESTDIR/usr/bin/nc" "$DESTDIR/usr/share/man/man1/nc.1"
]],
}
