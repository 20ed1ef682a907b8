-- gawk: GNU awk.
return {
  name = "gawk",
  version = "5.2.1",
  description = "GNU awk",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/gawk/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of gawk 1:5.2.1-2: the upstream release file, byte for byte).
    { url = "https://ftp.gnu.org/gnu/gawk/gawk-5.2.1.tar.xz",
      sha256 = "2337a0283b180ec1b9c727973a34781c6478b3ae9bcbdcca0a4dc49861d75a65" },
  },
  build_style = "configure",
  -- No dynamic extensions on a static system; the persistent-memory
  -- allocator needs a dynamic malloc replacement.
  configure_args = {
    "--libexecdir=/usr/libexec", "--disable-extensions", "--disable-pma",
    "--without-readline", "--without-mpfr",
  },
  post_install = [[
# awk is gawk; the versioned hard link and the extension dirs are noise.
rm -f "$DESTDIR"/usr/bin/gawk-* "$DESTDIR"/usr/bin/awk
ln -s gawk "$DESTDIR/usr/bin/awk"
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/lib/gawk" "$DESTDIR/usr/libexec/awk"
]],
}
