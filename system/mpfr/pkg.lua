-- mpfr: correctly rounded multiple-precision floats (gdb).
return {
  name = "mpfr",
  version = "4.2.2",
  description = "Multiple-precision floating-point library",
  license = "LGPL-3.0-or-later",
  homepage = "https://www.mpfr.org/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of mpfr4 4.2.2-1: the upstream release file, byte for byte).
    { url = "https://ftp.gnu.org/gnu/mpfr/mpfr-4.2.2.tar.xz",
      sha256 = "b67ba0383ef7e8a8563734e2e889ef5ec3c3b898a01d00fa0a6869ad81c6ce01" },
  },
  build_deps = { "gmp" },
  build_style = "configure",
  configure_args = { "--with-gmp=$SYSROOT/usr" },
  post_install = [[
rm -f "$DESTDIR"/usr/lib/*.la; rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/doc"
]],
}
