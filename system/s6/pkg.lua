-- s6: process supervision: s6-svscan (PID 1 after s6-linux-init), s6-supervise
-- and the s6-sv* tools.  s6-svscan runs execline scripts, hence the execline dependency.
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
  name = "s6",
  version = "2.15.0.0",
  description = "skarnet.org process supervision suite",
  license = "ISC",
  homepage = "https://skarnet.org/software/s6/",
  sources = {
    { url = "https://github.com/skarnet/s6/archive/refs/tags/v2.15.0.0.tar.gz",
      file = "s6-2.15.0.0.tar.gz",
      sha256 = "30ad5b9df3dc8f8bb66f921c92117c4e71c9ca0608a2d4acf229b6b48b4bf4cd" },
  },
  build_deps = farm.stage == "dev" and { "skalibs", "execline" } or { "musl", "tcc", "skalibs", "execline" },
  deps = { "execline" },
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
