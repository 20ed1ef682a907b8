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
  post_install = [[
rm -f "$DESTDIR"/usr/lib/*.la; rm -rf "$DESTDIR/usr/share/doc" "$DESTDIR/usr/share/gtk-doc"
]],
}
