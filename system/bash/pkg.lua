-- bash: the GNU Bourne-Again shell, with the upstream patch series 001-037.
--
-- Mirror-only: Debian's tarball of bash 5.2.37 (orig tarball of Debian source
-- package bash 5.2.37-2): the bash-5.2 release with the upstream patch series
-- 001-037 already applied (patchlevel.h says 37; top directory bash-5.2.37).
-- GNU publishes no tarball of 5.2.37, so this is not an upstream release file;
-- sha256 verified against Debian's source archive index.
local sources = {
  { file = "bash_5.2.37.orig.tar.xz",
    sha256 = "370704c9c859f4060b7df19055e43bb9b5fa09d887699cf6ba87885c5485d36a" },
}

return {
  name = "bash",
  version = "5.2.37",
  description = "GNU Bourne-Again shell",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/bash/",
  sources = sources,
  build_deps = { "ncurses" },
  build_style = "configure",
  -- bash's own readline; termcap from ncurses.  No loadable builtins (static).
  configure_args = {
    "--without-bash-malloc", "--with-curses", "--enable-readline",
    "--without-installed-readline", "--enable-static-link",
  },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/lib/bash" "$DESTDIR/usr/include" \
  "$DESTDIR/usr/lib/pkgconfig" "$DESTDIR/usr/bin/bashbug"
]],
}
