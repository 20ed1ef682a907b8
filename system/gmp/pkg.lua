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
    -- Mirror-only: Debian's +dfsg repack of GMP 6.3.0 (orig tarball of Debian source package gmp 2:6.3.0+dfsg-3);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "gmp_6.3.0+dfsg.orig.tar.xz",
      sha256 = "bd2966e6d277f79328e894a5a9f3ba3fbf2ed2be81def5f48623e30c23fb1572" },
  },
  build_deps = { "m4" },  -- configure checks for a usable m4
  build_style = "configure",
  -- --build: config.guess would pick the build machine's exact CPU.
  configure_args = {
    "--build=x86_64-pc-linux-musl", "--host=x86_64-pc-linux-musl", "--enable-fat",
  },
  -- Debian's +dfsg repack has no doc/: configure must not ask for doc/Makefile.
  pre_configure = [[
sed -i 's| doc/Makefile||' configure
sed -i 's|^SUBDIRS = \(.*\) doc$|SUBDIRS = \1|' Makefile.in
]],
  post_install = [[
rm -f "$DESTDIR"/usr/lib/*.la; rm -rf "$DESTDIR/usr/share/info"
]],
}
