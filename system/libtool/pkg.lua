-- libtool: libtoolize (copies ltmain.sh and the libtool macros into a
-- package).  A build tool beside autoconf and automake, for the packages
-- whose only obtainable tarball is a git snapshot that uses libtool
-- (libtorrent): autoreconf runs libtoolize.  libtoolize is a shell script,
-- relocatable here (relocatable.patch) so it works from a build's sysroot.
return {
  name = "libtool",
  version = "2.5.4",
  description = "Generic library support script (build tool)",
  license = "GPL-2.0-or-later",
  homepage = "https://www.gnu.org/software/libtool/",
  sources = {
    -- Mirror-only: the orig tarball of Debian source package libtool 2.5.4-4 (a release tree
    -- with its generated configure); sha256 verified against Debian's source archive index.
    { file = "libtool_2.5.4.orig.tar.xz",
      sha256 = "d9189031edeaa6aa74695b2aeb80a8c26df50b29d8b72c991667e01adecea42c" },
  },
  patches = { "relocatable.patch" },
  -- configure wants GNU m4, and libtoolize runs it (extract-trace) to read configure.ac.
  build_deps = { "m4" },
  deps = { "m4" },
  strip = false,
  build_style = "configure",
  -- The patch touches libtoolize.in, which the manual page is made from with
  -- help2man (not on the builder); the page describes the same options.
  pre_configure = [[
touch doc/libtoolize.1
]],
  -- libltdl (dlopen wrappers) is not installed: static Stasis has no dlopen.
  configure_args = { "--disable-ltdl-install" },
  -- bin/libtool is the builder's own libtool (its compiler, search paths and
  -- flags written in); every package makes its own from ltmain.sh, so only
  -- libtoolize and the files it copies are installed.
  post_install = [[
rm -f "$DESTDIR/usr/bin/libtool" "$DESTDIR/usr/share/man/man1/libtool.1"
rm -rf "$DESTDIR/usr/share/info"
]],
}
