-- expat: stream-oriented XML parser (git, gdb, unbound).
return {
  name = "expat",
  version = "2.7.1",
  description = "XML parser library",
  license = "MIT",
  homepage = "https://libexpat.github.io/",
  sources = {
    -- sha256 from an Arch-style PKGBUILD's sha256sums (expat-2.7.1.tar.xz).
    { url = "https://github.com/libexpat/libexpat/releases/download/R_2_7_1/expat-2.7.1.tar.xz",
      sha256 = "354552544b8f99012e5062f7d570ec77f14b412a3ff5c7d8d0dae62c0d217c30" },
  },
  build_style = "configure",
  configure_args = { "--without-docbook", "--without-examples", "--without-tests" },
}
