-- skalibs: the C library of every skarnet.org package: static library, headers and the
-- sysdeps (results of its feature tests), which the others read with --with-sysdeps.
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
  name = "skalibs",
  version = "2.15.1.0",
  description = "skarnet.org general-purpose C library (static)",
  license = "ISC",
  homepage = "https://skarnet.org/software/skalibs/",
  sources = {
    { url = "https://github.com/skarnet/skalibs/archive/refs/tags/v2.15.1.0.tar.gz",
      file = "skalibs-2.15.1.0.tar.gz",
      sha256 = "75cc20a4aae3e62dd1b2af7198ea02d89bbcd373da16fecebfbd3589c9425c63" },
  },
  build_deps = farm.stage ~= "dev" and { "musl", "tcc" } or nil,
  build_style = "configure",
  configure_args = {
    "--libdir=/usr/lib", "--includedir=/usr/include",
    "--sysdepdir=/usr/lib/skalibs/sysdeps",
  },
}
