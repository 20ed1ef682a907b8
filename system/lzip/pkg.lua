-- lzip: the lzip compressor (C++; needed to unpack .tar.lz sources).
return {
  name = "lzip",
  version = "1.15",
  description = "Lossless data compressor based on LZMA",
  license = "GPL-2.0-or-later",
  homepage = "https://www.nongnu.org/lzip/lzip.html",
  sources = {
    -- sha256 from Void Linux srcpkgs/lzip/template.
    { url = "http://download.savannah.gnu.org/releases/lzip/lzip-1.15.tar.gz",
      sha256 = "7cd3fcda68fc9900efcf7784313e3bdd1303fef1a0546db9723f5e5564dd05b6" },
  },
  build_deps = { "musl-cross-make" },
  build_style = "configure",
  configure_args = { "CXX=x86_64-linux-musl-g++", "CXXFLAGS=$CXXFLAGS", "LDFLAGS=$LDFLAGS" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info"
]],
}
