-- libtorrent: rakshasa's C++ BitTorrent library (rtorrent's engine).
return {
  name = "libtorrent",
  version = "0.13.8",
  description = "BitTorrent library (rakshasa)",
  license = "GPL-2.0-or-later",
  homepage = "https://github.com/rakshasa/libtorrent",
  sources = {
    -- Mirror-only: the orig tarball of Debian source package libtorrent 0.13.8-2.1, a snapshot
    -- of the git tag (no generated ./configure), not the upstream release file.  sha256
    -- verified against Debian's source archive index.
    { file = "libtorrent_0.13.8.orig.tar.gz",
      sha256 = "0f6c2e7ffd3a1723ab47fdac785ec40f85c0a5b5a42c1d002272205b988be722" },
  },
  build_deps = { "musl-cross-make", "openssl", "zlib", "pkgconf", "autoconf", "automake", "libtool" },
  build_style = "configure",
  -- The C++ compiler is musl-cross-make's. Debian's tarball is the git tree: no generated
  -- ./configure, autoreconf makes it.
  pre_configure = [[
autoreconf -fi
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
]],
  configure_args = { "--disable-debug", "--with-posix-fallocate" },
}
