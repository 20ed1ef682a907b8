-- gawk: GNU awk.
return {
  name = "gawk",
  version = "5.2.1",
  description = "GNU awk",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/gawk/",
  sources = {
    -- Mirror-only: the orig tarball of Debian source package gawk 1:5.2.1-2, which lacks the
    -- manual's sources (doc/gawktexi.in, doc/gawk.texi) that the upstream release file carries,
    -- so it is not that file.  sha256 verified against Debian's source archive index.
    { file = "gawk_5.2.1.orig.tar.xz",
      sha256 = "2337a0283b180ec1b9c727973a34781c6478b3ae9bcbdcca0a4dc49861d75a65" },
  },
  build_style = "configure",
  -- No dynamic extensions on a static system; the persistent-memory
  -- allocator needs a dynamic malloc replacement.
  configure_args = {
    "--libexecdir=/usr/libexec", "--disable-extensions", "--disable-pma",
    "--without-readline", "--without-mpfr",
  },
  -- No manual sources in this tarball (see above): doc/ and awklib/ (whose helper programs
  -- are extracted from the manual, and left out of the system anyway) leave the build.
  pre_configure = [[
sed -i '/^SUBDIRS = /{s/ doc / /;s/ awklib / /}' Makefile.in
if grep -Eq '^SUBDIRS = .* (doc|awklib) ' Makefile.in; then echo "doc/ or awklib/ still in SUBDIRS" >&2; exit 1; fi
]],
  post_install = [[
# awk is gawk; the versioned hard link and the extension dirs are noise.
rm -f "$DESTDIR"/usr/bin/gawk-* "$DESTDIR"/usr/bin/awk
ln -s gawk "$DESTDIR/usr/bin/awk"
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/lib/gawk" "$DESTDIR/usr/libexec/awk"
]],
}
