-- catgirl: a TLS-only terminal IRC client (libtls from libressl).
return {
  name = "catgirl",
  version = "2.2a",
  description = "Terminal IRC client",
  license = "GPL-3.0-or-later",
  homepage = "https://git.causal.agency/catgirl/",
  sources = {
    -- Mirror-only: Debian's tarball of catgirl 2.2a (other bytes than the cgit snapshot recorded before) (orig tarball of Debian source package catgirl 2.2a-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "catgirl_2.2a.orig.tar.gz",
      sha256 = "a240335aa8eef8e69e2734b15ab556d0322ee48ee2fb5394771b797403dbbedf" },
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
