-- libtorrent: rakshasa's C++ BitTorrent library (rtorrent's engine).
return {
  name = "libtorrent",
  version = "0.15.0",
  description = "BitTorrent library (rakshasa)",
  license = "GPL-2.0-or-later",
  homepage = "https://github.com/rakshasa/libtorrent",
  sources = {
    -- sha256 from Homebrew's libtorrent-rakshasa formula (tag archive v0.15.0).
    { url = "https://github.com/rakshasa/libtorrent/archive/refs/tags/v0.15.0.tar.gz",
      file = "libtorrent-0.15.0.tar.gz",
      sha256 = "f55fb872282a2964049dadb89c4d1fb580a1cef981b9a421991efd5282ca90b7" },
  },
  build_deps = { "musl-cross-make", "openssl", "zlib", "pkgconf" },
  build_style = "configure",
  pre_configure = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
# A tag archive: configure is generated here.  autoconf/automake/libtool are
# not part of the Stasis set, so say so plainly when they are missing.
command -v autoreconf >/dev/null || { echo "libtorrent: needs autoreconf (autoconf, automake, libtool) on PATH" >&2; exit 1; }
autoreconf -fi
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
]],
  configure_args = { "--disable-debug", "--with-posix-fallocate" },
}
