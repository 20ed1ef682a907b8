-- gnutls: TLS library (ffmpeg's https and tls protocols, emacs).
return {
  name = "gnutls",
  version = "3.8.2",
  description = "GNU TLS library",
  license = "LGPL-2.1-or-later",
  homepage = "https://www.gnutls.org/",
  sources = {
    -- sha256 from Homebrew's gnutls formula (Formula/g/gnutls.rb).
    { url = "https://www.gnupg.org/ftp/gcrypt/gnutls/v3.8/gnutls-3.8.2.tar.xz",
      sha256 = "e765e5016ffa9b9dd243e363a0460d577074444ee2491267db2e96c9c2adef77" },
  },
  build_deps = { "nettle", "gmp", "libtasn1", "zlib", "pkgconf" },
  deps = { "certs" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
]],
  configure_args = {
    "--disable-doc", "--disable-tests", "--disable-cxx", "--with-included-unistring",
    "--without-p11-kit", "--without-tpm", "--without-tpm2", "--without-idn",
    "--disable-guile", "--with-default-trust-store-file=/etc/ssl/cert.pem",
  },
  post_install = [[
rm -f "$DESTDIR"/usr/lib/*.la; rm -rf "$DESTDIR/usr/share/info"
]],
}
