-- catgirl: a TLS-only terminal IRC client (libtls from libressl).
return {
  name = "catgirl",
  version = "2.2a",
  description = "Terminal IRC client",
  license = "GPL-3.0-or-later",
  homepage = "https://git.causal.agency/catgirl/",
  sources = {
    -- sha256 from Homebrew's catgirl formula (Formula/c/catgirl.rb).
    { url = "https://git.causal.agency/catgirl/snapshot/catgirl-2.2a.tar.gz",
      sha256 = "c6d760aaee134e052586def7a9103543f7281fde6531fbcb41086470794297c2" },
  },
  build_deps = { "libressl", "ncurses", "pkgconf" },
  deps = { "certs" },
  build_style = "configure",
  pre_configure = [[
# libtls comes from libressl; pkg-config (pkgconf) finds it and ncursesw.
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
]],
  configure_args = { "--mandir=/usr/share/man" },
  make_build_args = { "LDFLAGS=$LDFLAGS", "LDLIBS=-ltls -lssl -lcrypto -lncursesw" },
}
