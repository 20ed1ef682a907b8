-- rtorrent: ncurses BitTorrent client on libtorrent (same release series as libtorrent 0.13.8).
return {
  name = "rtorrent",
  version = "0.9.8",
  description = "Terminal BitTorrent client",
  license = "GPL-2.0-or-later",
  homepage = "https://github.com/rakshasa/rtorrent",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of rtorrent 0.9.8-1.1: the upstream release file, byte for byte). The release tarball ships configure.
    { url = "https://github.com/rakshasa/rtorrent/releases/download/v0.9.8/rtorrent-0.9.8.tar.gz",
      sha256 = "9edf0304bf142215d3bc85a0771446b6a72d0ad8218efbe184b41e4c9c7542af" },
  },
  build_deps = { "musl-cross-make", "libtorrent", "openssl", "curl", "ncurses", "zlib", "pkgconf" },
  deps = { "certs" },
  build_style = "configure",
  -- The C++ compiler is musl-cross-make's (the release tarball ships configure).
  pre_configure = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
]],
  configure_args = { "--disable-debug", "--with-ncursesw", "LIBS=-lssl -lcrypto -lz" },
}
