-- libxml2: the GNOME XML library (xmllint, xmlcatalog).
return {
  name = "libxml2",
  version = "2.9.14",
  description = "XML parser and toolkit",
  license = "MIT",
  homepage = "https://gitlab.gnome.org/GNOME/libxml2",
  sources = {
    -- Mirror-only: Debian's +dfsg repack of libxml2 2.9.14 (orig tarball of Debian source package libxml2 2.9.14+dfsg-1.3~deb12u6);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "libxml2_2.9.14+dfsg.orig.tar.xz",
      sha256 = "4fe913dec8b1ab89d13b489b419a8203176ea39e931eaa0d25b17eafb9c279e9" },
  },
  build_deps = { "zlib", "xz" },
  build_style = "configure",
  configure_args = {
    "--without-python", "--without-icu", "--with-zlib", "--with-lzma", "--without-http",
  },
  -- libtool drops -static when it links a program (it reads it as "prefer
  -- static libtool libraries"); -all-static links the programs fully static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  -- configure writes the -L path where it found zlib and xz (the build's
  -- sysroot) into xml2-config, xml2Conf.sh and the .pc file; on the system
  -- those libraries are in /usr/lib, which needs no -L.
  post_install = [[
sed -i "s| -L$SYSROOT/usr/lib||g" "$DESTDIR/usr/bin/xml2-config" "$DESTDIR/usr/lib/xml2Conf.sh" \
  "$DESTDIR/usr/lib/pkgconfig/libxml-2.0.pc"
rm -f "$DESTDIR"/usr/lib/*.la; rm -rf "$DESTDIR/usr/share/doc" "$DESTDIR/usr/share/gtk-doc"
]],
}
