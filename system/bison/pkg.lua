-- bison: the GNU parser generator (grub, the kernel's kconfig/dtc, flex
-- users).
return {
  name = "bison",
  version = "3.8.2",
  description = "GNU parser generator",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/bison/",
  sources = {
    -- Mirror-only: Debian's +dfsg repack of GNU bison 3.8.2 (orig tarball of Debian source package bison 2:3.8.2+dfsg-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "bison_3.8.2+dfsg.orig.tar.xz",
      sha256 = "dff8a3c96dd34121828f62a7fa49e1f7765815b89e59f564e8d2a9e71c177be5" },
  },
  build_deps = { "m4" },
  deps = { "m4" },
  build_style = "configure",
  configure_args = { "M4=/usr/bin/m4" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/doc"
]],
}
