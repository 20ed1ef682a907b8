-- mpfr: correctly rounded multiple-precision floats (gdb).
return {
  name = "mpfr",
  version = "4.2.1",
  description = "Multiple-precision floating-point library",
  license = "LGPL-3.0-or-later",
  homepage = "https://www.mpfr.org/",
  sources = {
    -- sha256 from Homebrew's mpfr formula (Formula/m/mpfr.rb).
    { url = "https://ftp.gnu.org/gnu/mpfr/mpfr-4.2.1.tar.xz",
      sha256 = "277807353a6726978996945af13e52829e3abd7a9a5b7fb2793894e18f1fcbb2" },
  },
  build_deps = { "gmp" },
  build_style = "configure",
  configure_args = { "--with-gmp=$SYSROOT/usr" },
  post_install = [[
rm -f "$DESTDIR"/usr/lib/*.la; rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/doc"
]],
}
