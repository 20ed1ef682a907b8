-- pkgconf: pkg-config (pkgconf, pkg-config link); a build tool of the
-- extras (catgirl, gnutls, the meson projects).
return {
  name = "pkgconf",
  version = "2.3.0",
  description = "pkg-config implementation",
  license = "ISC",
  homepage = "https://github.com/pkgconf/pkgconf",
  sources = {
    -- sha256 from Homebrew's pkgconf formula (pkgconf-2.3.0.tar.xz).
    { url = "https://distfiles.ariadne.space/pkgconf/pkgconf-2.3.0.tar.xz",
      sha256 = "3a9080ac51d03615e7c1910a0a2a8df08424892b5f13b0628a204d3fcce0ea8b" },
  },
  build_style = "configure",
  configure_args = {
    "--with-system-libdir=/usr/lib", "--with-system-includedir=/usr/include",
    "--with-pkg-config-dir=/usr/lib/pkgconfig:/usr/share/pkgconfig",
  },
  post_install = [[
ln -s pkgconf "$DESTDIR/usr/bin/pkg-config"
]],
}
