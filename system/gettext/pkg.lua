-- gettext: message catalogs (msgfmt, xgettext) and autopoint, which
-- autoreconf runs for packages that use gettext's macros (kbd's git snapshot
-- has no generated ./configure).  Relocatable, like autoconf and automake
-- here: autopoint finds its archive beside its own bin/, so it runs from a
-- build's sysroot as well as from /usr.
return {
  name = "gettext",
  version = "0.23.1",
  description = "GNU internationalization tools and autopoint",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/gettext/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of gettext 0.23.1-2: the release tarball, named gettext_0.23.1.orig.tar.xz there).
    { url = "https://ftp.gnu.org/pub/gnu/gettext/gettext-0.23.1.tar.xz",
      sha256 = "c1f97a72a7385b7e71dd07b5fea6cdaf12c9b88b564976b23bd8c11857af2970" },
  },
  build_style = "configure",
  -- No C++ (libasprintf), Java, C# or Emacs parts: the dev builder compiles C only.
  configure_args = {
    "--enable-relocatable", "--disable-c++", "--disable-libasprintf", "--disable-java",
    "--disable-csharp", "--disable-openmp", "--disable-curses", "--disable-acl",
    "--without-emacs", "--without-git", "--without-cvs", "--without-bzip2", "--without-xz",
  },
  -- libtool drops a plain -static when it links the programs: -all-static keeps them static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/doc" "$DESTDIR/usr/share/gettext/projects"
# autopoint must run from wherever it is installed: its archive is found relative to it.
grep -q '^if test "yes" = yes; then' "$DESTDIR/usr/bin/autopoint"
]],
}
