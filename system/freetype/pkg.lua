-- freetype: font rasterisation (libass).
return {
  name = "freetype",
  version = "2.13.3",
  description = "Font rendering library",
  license = "FTL OR GPL-2.0-or-later",
  homepage = "https://freetype.org/",
  sources = {
    -- sha256 from Homebrew's freetype formula (freetype-2.13.3.tar.xz).
    { url = "https://downloads.sourceforge.net/project/freetype/freetype2/2.13.3/freetype-2.13.3.tar.xz",
      sha256 = "0550350666d427c74daeb85d5ac7bb353acba5f76956395995311a9c6f063289" },
  },
  build_deps = { "zlib", "bzip2" },
  build_style = "configure",
  configure_args = {
    "--with-zlib=yes", "--with-bzip2=yes", "--without-png", "--without-harfbuzz",
    "--without-brotli", "--enable-freetype-config",
  },
}
