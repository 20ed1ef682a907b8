-- gmp: arbitrary precision arithmetic (nettle, mpfr, gdb).  --enable-fat
-- picks optimised code at run time, so the output does not depend on the
-- build machine's CPU.
return {
  name = "gmp",
  version = "6.3.0",
  description = "Multiple-precision arithmetic library",
  license = "LGPL-3.0-or-later OR GPL-2.0-or-later",
  homepage = "https://gmplib.org/",
  sources = {
    -- sha256 from Homebrew's gmp formula (Formula/g/gmp.rb).
    { url = "https://ftp.gnu.org/gnu/gmp/gmp-6.3.0.tar.xz",
      sha256 = "a3c2b80201b89e68616f4ad30bc66aee4927c3ce50e33929ca819d5c43538898" },
  },
  build_style = "configure",
  -- --build: config.guess would pick the build machine's exact CPU.
  configure_args = {
    "--build=x86_64-pc-linux-musl", "--host=x86_64-pc-linux-musl", "--enable-fat",
  },
  post_install = [[
rm -f "$DESTDIR"/usr/lib/*.la; rm -rf "$DESTDIR/usr/share/info"
]],
}
