-- unbound: recursive DNS resolver with DNSSEC validation.
return {
  name = "unbound",
  version = "1.17.1",
  description = "Validating, recursive, caching DNS resolver",
  license = "BSD-3-Clause",
  homepage = "https://nlnetlabs.nl/projects/unbound/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of unbound 1.17.1-2+deb12u4: the upstream release file, byte for byte).
    { url = "https://nlnetlabs.nl/downloads/unbound/unbound-1.17.1.tar.gz",
      sha256 = "ee4085cecce12584e600f3d814a28fa822dfaacec1f94c84bfd67f8a5571a5f4" },
  },
  build_deps = { "openssl", "expat" },
  deps = { "certs" },
  build_style = "configure",
  configure_args = {
    "--with-ssl=$SYSROOT/usr", "--with-libexpat=$SYSROOT/usr", "--enable-fully-static",
    "--with-pidfile=/run/unbound.pid", "--with-username=nobody", "--disable-flto",
    "--without-pythonmodule", "--without-pyunbound",
  },
  -- `unbound -V` prints the configure arguments; on the system the libraries
  -- named there are in /usr, not in the build's sysroot.
  post_configure = [[
sed -i "/CONFCMDLINE/s|$SYSROOT||g" config.h
]],
  post_install = [[
rm -rf "$DESTDIR/usr/include" "$DESTDIR/usr/lib"
]],
}
