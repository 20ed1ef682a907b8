-- nsd: NLnet Labs' authoritative-only name server.
return {
  name = "nsd",
  version = "4.12.0",
  description = "Authoritative-only DNS server",
  license = "BSD-3-Clause",
  homepage = "https://nlnetlabs.nl/projects/nsd/",
  sources = {
    -- sha256 from Homebrew's nsd formula (nsd-4.12.0.tar.gz).
    { url = "https://www.nlnetlabs.nl/downloads/nsd/nsd-4.12.0.tar.gz",
      sha256 = "f9ecc2cf79ba50580f2df62918efc440084c5bf11057db44c19aa9643cd4b5e8" },
  },
  build_deps = { "openssl", "libevent" },
  build_style = "configure",
  configure_args = {
    "--sbindir=/usr/bin", "--with-pidfile=/run/nsd.pid", "--with-user=nobody",
    "--with-ssl=$SYSROOT/usr", "--with-libevent=$SYSROOT/usr",
    "--with-dbfile=/var/lib/nsd/nsd.db", "--with-zonesdir=/etc/nsd", "--disable-flto",
    "--with-xfrdir=/var/lib/nsd",  -- the default, /tmp, would be installed as a 0755 directory
  },
  -- `nsd -v` prints the configure line (CONFCMDLINE): without the build's sysroot, which the
  -- installed system has as /.
  post_configure = [[
sed -i "/CONFCMDLINE/s|$SYSROOT||g" config.h
if grep CONFCMDLINE config.h | grep -q "$SYSROOT"; then echo "sysroot left in CONFCMDLINE" >&2; exit 1; fi
]],
  post_install = [[
install -d "$DESTDIR/var/lib/nsd"
]],
}
