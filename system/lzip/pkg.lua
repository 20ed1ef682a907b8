-- lzip: the lzip compressor (C++; needed to unpack .tar.lz sources).
return {
  name = "lzip",
  version = "1.25",
  description = "Lossless data compressor based on LZMA",
  license = "GPL-2.0-or-later",
  homepage = "https://www.nongnu.org/lzip/lzip.html",
  sources = {
    -- Mirror-only: Debian's .tar.xz of lzip 1.25 (upstream ships .tar.lz and .tar.gz) (orig tarball of Debian source package lzip 1.25-3);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "lzip_1.25.orig.tar.xz",
      sha256 = "b854b1e83c978485de6a8c3d47299dfca8d86ce771d05a278d5badcc9101e949" },
  },
  build_deps = { "musl-cross-make" },
  build_style = "configure",
  configure_args = { "CXX=x86_64-linux-musl-g++", "CXXFLAGS=$CXXFLAGS", "LDFLAGS=$LDFLAGS" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info"
]],
}
