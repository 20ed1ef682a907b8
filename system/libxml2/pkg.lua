-- libxml2: the GNOME XML library (xmllint, xmlcatalog).
return {
  name = "libxml2",
  version = "2.14.2",
  description = "XML parser and toolkit",
  license = "MIT",
  homepage = "https://gitlab.gnome.org/GNOME/libxml2",
  sources = {
    -- sha256 from Homebrew's libxml2 formula (Formula/lib/libxml2.rb).
    { url = "https://download.gnome.org/sources/libxml2/2.14/libxml2-2.14.2.tar.xz",
      sha256 = "353f3c83535d4224a4e5f1e88c90b5d4563ea8fec11f6407df640fd28fc8b8c6" },
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
