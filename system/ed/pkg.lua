-- ed: GNU ed, the standard line editor.  Upstream releases .tar.lz only;
-- Debian's orig tarball is a plain .tar.gz of the same tree, so no lzip is needed.
return {
  name = "ed",
  version = "1.19",
  description = "GNU line-oriented text editor",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/ed/",
  sources = {
    -- Mirror-only: Debian's .tar.gz of GNU ed 1.19 (upstream ships .tar.lz) (orig tarball of Debian source package ed 1.19-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "ed_1.19.orig.tar.gz",
      sha256 = "8e5c3e7c84972e73957ff396b8318a21795f86547dd1fe4ec4232a9e6e44ca1d" },
  },
  build_style = "configure",
  -- Not autoconf: its configure takes CC and the flags as arguments.
  configure_defaults = false,
  configure_args = { "--prefix=/usr", "CC=$CC", "CFLAGS=$CFLAGS", "CPPFLAGS=$CPPFLAGS", "LDFLAGS=$LDFLAGS" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info"
]],
}
