-- mdevd: the uevent daemon that creates device nodes (busybox mdev's
-- configuration format, /etc/mdev.conf beside this recipe).
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
  name = "mdevd",
  version = "0.1.8.2",
  description = "Kernel uevent manager (mdev-compatible, daemon)",
  license = "ISC",
  homepage = "https://skarnet.org/software/mdevd/",
  sources = {
    { url = "https://github.com/skarnet/mdevd/archive/refs/tags/v0.1.8.2.tar.gz",
      file = "mdevd-0.1.8.2.tar.gz",
      sha256 = "5ea182df0216db9db3adf0276771a9442c40068230263cd984e7e9b238fa09b3" },
  },
  files = { "mdev.conf" },
  build_deps = farm.stage == "dev" and { "skalibs", "linux-headers" } or { "musl", "tcc", "skalibs", "linux-headers" },
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
install -D -m 0644 /build/files/mdev.conf "$DESTDIR/etc/mdev.conf"
]],
}
