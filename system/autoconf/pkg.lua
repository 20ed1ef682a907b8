-- autoconf: generates ./configure from configure.ac.  A build tool: the
-- packages whose only obtainable tarball is a git snapshot without a
-- generated ./configure (screen, kbd, btrfs-progs, emacs, libtorrent) run
-- autoreconf with it.  Its programs are perl scripts: they run on the dev
-- builder, which has perl; Stasis itself has no perl, so no profile ships it.
-- A build finds it in its sysroot (/build/sysroot/usr), not in /usr, so the
-- programs are made relocatable (relocatable.patch): they look for their
-- data and each other beside themselves.
return {
  name = "autoconf",
  version = "2.72",
  description = "Generates configure scripts (build tool)",
  license = "GPL-3.0-or-later WITH Autoconf-exception-3.0",
  homepage = "https://www.gnu.org/software/autoconf/",
  sources = {
    -- Mirror-only: the orig tarball of Debian source package autoconf 2.72-3.1 (a release
    -- tree with its generated configure); sha256 verified against Debian's source archive index.
    { file = "autoconf_2.72.orig.tar.xz",
      sha256 = "ba885c1319578d6c94d46e9b0dceb4014caafe2490e437a0dbca3f270a223f5a" },
  },
  patches = { "relocatable.patch" },
  build_deps = { "m4" },
  deps = { "m4" },
  strip = false,
  build_style = "configure",
  -- The m4 autoconf runs is the one its users put in their sysroot (build_deps m4).
  configure_args = { "M4=m4" },
  -- The patch touches bin/*.in, which the manual pages are made from with
  -- help2man (not on the builder); the pages describe the same options.
  pre_configure = [[
touch man/*.1
]],
  post_install = [[
rm -rf "$DESTDIR/usr/share/info"
]],
}
