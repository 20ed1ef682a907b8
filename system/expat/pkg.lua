-- expat: stream-oriented XML parser (git, gdb, unbound).
return {
  name = "expat",
  version = "2.5.0",
  description = "XML parser library",
  license = "MIT",
  homepage = "https://libexpat.github.io/",
  sources = {
    -- Mirror-only: Debian's tarball of libexpat's git tag R_2_5_0 (top directory libexpat-R_2_5_0, the library in expat/, no generated configure) (orig tarball of Debian source package expat 2.5.0-1+deb12u2);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "expat_2.5.0.orig.tar.gz",
      sha256 = "ab00ee05c7067fd10a35c5d2a4922ebba746ddd50ff83b79c828da17bbdf1757" },
  },
  build_style = "configure",
  configure_args = { "--without-docbook", "--without-examples", "--without-tests" },
}
