-- automake: generates Makefile.in from Makefile.am, and aclocal.  A build
-- tool beside autoconf (see its pkg.lua): perl scripts for the dev builder,
-- relocatable like autoconf (relocatable.patch), so they work from a build's
-- sysroot.
return {
  name = "automake",
  version = "1.16.5",
  description = "Generates Makefile.in files (build tool)",
  license = "GPL-2.0-or-later",
  homepage = "https://www.gnu.org/software/automake/",
  sources = {
    -- Mirror-only: the orig tarball of Debian source package automake-1.16 1:1.16.5-1.3 (a
    -- release tree with its generated configure); sha256 verified against Debian's source
    -- archive index.
    { file = "automake-1.16_1.16.5.orig.tar.xz",
      sha256 = "f01d58cd6d9d77fbdca9eb4bbd5ead1988228fdb73d6f7a201f5f8d6b118b469" },
  },
  patches = { "relocatable.patch" },
  build_deps = { "autoconf" },
  deps = { "autoconf" },
  strip = false,
  build_style = "configure",
  post_install = [[
rm -rf "$DESTDIR/usr/share/info"
]],
}
