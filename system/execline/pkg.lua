-- execline: execlineb and the chain-loading commands; s6 run scripts and
-- s6-linux-init's /sbin/init are execline scripts (#!/usr/bin/execlineb).
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
  name = "execline",
  version = "2.9.9.2",
  description = "Small scripting language for chain-loading programs",
  license = "ISC",
  homepage = "https://skarnet.org/software/execline/",
  sources = {
    { url = "https://github.com/skarnet/execline/archive/refs/tags/v2.9.9.2.tar.gz",
      file = "execline-2.9.9.2.tar.gz",
      sha256 = "1b9f045b85e7e30438a13a8ac3beb30f7949c1f9804f7eea2af45194f3857669" },
  },
  build_deps = farm.stage == "dev" and { "skalibs" } or { "musl", "tcc", "skalibs" },
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
