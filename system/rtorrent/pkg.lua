-- rtorrent: ncurses BitTorrent client on libtorrent (same 0.15.0 release).
return {
  name = "rtorrent",
  version = "0.15.0",
  description = "Terminal BitTorrent client",
  license = "GPL-2.0-or-later",
  homepage = "https://github.com/rakshasa/rtorrent",
  sources = {
    -- sha256 from the ix distribution's rtorrent recipe (tag archive v0.15.0).
    { url = "https://github.com/rakshasa/rtorrent/archive/refs/tags/v0.15.0.tar.gz",
      file = "rtorrent-0.15.0.tar.gz",
      sha256 = "9a47f284616c4b3867c787b78f98de25730e7506909824a951399b612d17314a" },
  },
  build_deps = { "musl-cross-make", "libtorrent", "openssl", "curl", "ncurses", "zlib", "pkgconf" },
  deps = { "certs" },
  build_style = "configure",
  pre_configure = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
# A tag archive: configure is generated here.  autoconf/automake/libtool are
# not part of the Stasis set, so say so plainly when they are missing.
command -v autoreconf >/dev/null || { echo "rtorrent: needs autoreconf (autoconf, automake, libtool) on PATH" >&2; exit 1; }
autoreconf -fi
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
]],
  configure_args = { "--disable-debug", "--with-ncursesw", "LIBS=-lssl -lcrypto -lz" },
}
