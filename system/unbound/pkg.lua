-- unbound: recursive DNS resolver with DNSSEC validation.
return {
  name = "unbound",
  version = "1.25.0",
  description = "Validating, recursive, caching DNS resolver",
  license = "BSD-3-Clause",
  homepage = "https://nlnetlabs.nl/projects/unbound/",
  sources = {
    -- sha256 from Homebrew's unbound formula (Formula/u/unbound.rb).
    { url = "https://nlnetlabs.nl/downloads/unbound/unbound-1.25.0.tar.gz",
      sha256 = "062a6eda723fe2f041bee4079b76981569f1d12e066bbd74800242fc1ebddec7" },
  },
  build_deps = { "openssl", "expat" },
  deps = { "certs" },
  build_style = "configure",
  configure_args = {
    "--with-ssl=$SYSROOT/usr", "--with-libexpat=$SYSROOT/usr", "--enable-fully-static",
    "--with-pidfile=/run/unbound.pid", "--with-username=nobody", "--disable-flto",
    "--without-pythonmodule", "--without-pyunbound",
  },
  post_install = [[
rm -rf "$DESTDIR/usr/include" "$DESTDIR/usr/lib"
]],
}
