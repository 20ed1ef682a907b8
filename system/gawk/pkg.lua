-- gawk: GNU awk.
return {
  name = "gawk",
  version = "5.3.2",
  description = "GNU awk",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/gawk/",
  sources = {
    -- sha256 from Homebrew's gawk formula (Formula/g/gawk.rb).
    { url = "https://ftp.gnu.org/gnu/gawk/gawk-5.3.2.tar.xz",
      sha256 = "f8c3486509de705192138b00ef2c00bbbdd0e84c30d5c07d23fc73a9dc4cc9cc" },
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
