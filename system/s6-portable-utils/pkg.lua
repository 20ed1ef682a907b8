-- s6-portable-utils: small portable utilities (s6-echo, s6-sleep, s6-test, ...).
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
  name = "s6-portable-utils",
  version = "2.3.1.2",
  description = "Portable small Unix utilities (s6-echo, s6-sleep, ...)",
  license = "ISC",
  homepage = "https://skarnet.org/software/s6-portable-utils/",
  sources = {
    { url = "https://github.com/skarnet/s6-portable-utils/archive/refs/tags/v2.3.1.2.tar.gz",
      file = "s6-portable-utils-2.3.1.2.tar.gz",
      sha256 = "ce345ef5d3ff677d009a21686d2116481ecb0f0e559071539aa415a729297ed1" },
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
