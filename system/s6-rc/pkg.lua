-- s6-rc: the service manager: s6-rc-compile turns /etc/s6-rc/source into a
-- database at boot, s6-rc brings bundles up and down.
--
-- One release batch of the skarnet.org family (skalibs 2.15.1.0, execline
-- 2.9.9.2, s6 2.15.0.0, s6-rc 0.6.1.1, s6-linux-init 1.2.0.1, mdevd 0.1.8.2,
-- s6-portable-utils 2.3.1.2, s6-linux-utils 2.6.4.1): each asks for the
-- skalibs of this batch, so they move together.  The source is the git tag
-- archive of the release (same tree as the skarnet.org tarball, different
-- bytes); the sha256 is that of the file in the shared mirror.
--
-- Stages a/b build with the closure's tcc, pointed at this stage's musl and
-- libtcc1.a in the sysroot (the -B flag Dockerfile.stage declares; `ar` and
-- `ranlib` are tcc's); the dev stage with the builder's musl-gcc and binutils.
return {
  name = "s6-rc",
  version = "0.6.1.1",
  description = "Service manager for s6-based systems",
  license = "ISC",
  homepage = "https://skarnet.org/software/s6-rc/",
  sources = {
    { url = "https://github.com/skarnet/s6-rc/archive/refs/tags/v0.6.1.1.tar.gz",
      file = "s6-rc-0.6.1.1.tar.gz",
      sha256 = "e9e5d632005345122b13a364e4212ea80ff0ca12ea9b2710d1d5f9917a6e00b7" },
  },
  build_deps = farm.stage == "dev" and { "skalibs", "execline", "s6" } or { "musl", "tcc", "skalibs", "execline", "s6" },
  deps = { "s6", "execline" },
  build_style = "configure",
  configure_args = {
    "--libdir=/usr/lib", "--includedir=/usr/include", "--libexecdir=/usr/libexec",
    "--with-sysdeps=$SYSROOT/usr/lib/skalibs/sysdeps",
    "--with-include=$SYSROOT/usr/include", "--with-lib=$SYSROOT/usr/lib",
    "--enable-static-libc",
  },
  post_install = [[
# The installed config.h quotes the configure line; the sysroot is a build-time path.
sed -i "s|$SYSROOT|\$SYSROOT|g" "$DESTDIR"/usr/include/*/config.h
]],
}
