-- bison: the GNU parser generator (grub, the kernel's kconfig/dtc, flex
-- users).
return {
  name = "bison",
  version = "3.8.2",
  description = "GNU parser generator",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/bison/",
  sources = {
    -- sha256 from a public build script's pinned BISON_SHA256 (bison-3.8.2.tar.xz).
    { url = "https://ftp.gnu.org/gnu/bison/bison-3.8.2.tar.xz",
      sha256 = "9bba0214ccf7f1079c5d59210045227bcf619519840ebfa80cd3849cff5a5bf2" },
  },
  build_deps = { "m4" },
  deps = { "m4" },
  build_style = "configure",
  configure_args = { "M4=/usr/bin/m4" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/doc"
]],
}
