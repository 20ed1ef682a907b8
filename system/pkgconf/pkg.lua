-- pkgconf: pkg-config (pkgconf, pkg-config link); a build tool of the
-- extras (catgirl, gnutls, the meson projects).
return {
  name = "pkgconf",
  version = "1.8.1",
  description = "pkg-config implementation",
  license = "ISC",
  homepage = "https://github.com/pkgconf/pkgconf",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of pkgconf 1.8.1-4: the upstream release file, byte for byte).
    { url = "https://distfiles.ariadne.space/pkgconf/pkgconf-1.8.1.tar.xz",
      sha256 = "644361ada2942be05655d4452eb018791647c31bba429b287f1f68deb2dc6840" },
  },
  build_style = "configure",
  configure_args = {
    "--with-system-libdir=/usr/lib", "--with-system-includedir=/usr/include",
    "--with-pkg-config-dir=/usr/lib/pkgconfig:/usr/share/pkgconfig",
  },
  -- libtool drops -static when it links a program (it reads it as "prefer
  -- static libtool libraries"); -all-static links the programs fully static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  post_install = [[
ln -s pkgconf "$DESTDIR/usr/bin/pkg-config"
]],
}
