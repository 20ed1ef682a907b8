-- screen: GNU screen.
return {
  name = "screen",
  version = "4.9.0",
  description = "Terminal multiplexer",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/screen/",
  sources = {
    -- Mirror-only: the orig tarball of Debian source package screen 4.9.0-4, a snapshot of the
    -- git tree (autogen.sh and configure.ac, no generated ./configure), not the upstream
    -- release file.  sha256 verified against Debian's source archive index.
    { file = "screen_4.9.0.orig.tar.gz",
      sha256 = "f9335281bb4d1538ed078df78a20c2f39d3af9a4e91c57d084271e0289c730f4" },
  },
  -- crypt() (screen's lock and multiuser passwords) from musl-crypt: the dev builder's musl has none.
  build_deps = { "ncurses", "autoconf", "automake", farm.stage == "dev" and "musl-crypt" or nil },
  build_style = "configure",
  -- The tarball is a git snapshot: ./configure is generated here (what its autogen.sh does).
  pre_configure = [[
autoreconf -i
export CPPFLAGS="$CPPFLAGS -I$SYSROOT/usr/lib/musl-crypt/include" LDFLAGS="$LDFLAGS -L$SYSROOT/usr/lib/musl-crypt/lib"
]],
  configure_args = {
    "--enable-pam=no", "--with-sys-screenrc=/etc/screenrc",
    "--with-socket-dir=/run/screen", "--enable-colors256", "--enable-telnet",
  },
  post_install = [[
# Installed without setuid: sockets per user under /run/screen.
find "$DESTDIR" -type f -perm -4000 -exec chmod u-s {} +
# make install puts the program in screen-<version> with a screen link to it.
cd "$DESTDIR/usr/bin" && for f in screen-*; do mv -f "$f" screen; done
test -f "$DESTDIR/usr/bin/screen" && test ! -L "$DESTDIR/usr/bin/screen"
rm -rf "$DESTDIR/usr/share/info"
]],
}
