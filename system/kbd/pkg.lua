-- kbd: console keymaps and fonts (loadkeys, setfont, kbd_mode, ...).
-- s6-boot's keymap service runs loadkeys with config.lua's keymap.
return {
  name = "kbd",
  version = "2.7.1",
  description = "Console keyboard and font tools, keymaps",
  license = "GPL-2.0-or-later",
  homepage = "https://kbd-project.org/",
  sources = {
    -- Mirror-only: the orig tarball of Debian source package kbd 2.7.1-2, a snapshot of the
    -- git tag (autogen.sh and configure.ac, no generated ./configure), not the upstream
    -- release file.  sha256 verified against Debian's source archive index.
    { file = "kbd_2.7.1.orig.tar.gz",
      sha256 = "1fd74ac647c5ba5b3ebe09a204483544c5f1ef89ff42f37a11eab040cac9595d" },
  },
  -- The tarball is a git snapshot: ./configure is generated here, with the
  -- autotools, gettext's autopoint and pkgconf's pkg.m4 from the sysroot (what
  -- its autogen.sh runs).
  -- bison and flex: the git snapshot has no generated keymap parser and scanner either.
  build_deps = { "autoconf", "automake", "libtool", "gettext", "pkgconf", "bison", "flex" },
  build_style = "configure",
  pre_configure = [[
autoreconf -fi
# bison runs from the sysroot: its data and m4 are found there, not at the /usr
# paths compiled into it.
export BISON_PKGDATADIR="$SYSROOT/usr/share/bison" M4="$SYSROOT/usr/bin/m4" YACC="bison -y"
]],
  configure_args = { "--disable-vlock", "--disable-tests" },
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  post_install = [[
rm -rf "$DESTDIR/usr/include" "$DESTDIR/usr/lib/pkgconfig" "$DESTDIR"/usr/lib/*.la
]],
}
