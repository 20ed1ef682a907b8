-- emacs: GNU Emacs for the terminal (ncurses), TLS through gnutls.
return {
  name = "emacs",
  version = "30.2",
  description = "The extensible, self-documenting text editor (terminal)",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/emacs/",
  sources = {
    -- sha256 from Homebrew's emacs formula (Formula/e/emacs.rb).
    { url = "https://ftp.gnu.org/gnu/emacs/emacs-30.2.tar.xz",
      sha256 = "b3f36f18a6dd2715713370166257de2fae01f9d38cfe878ced9b1e6ded5befd9" },
  },
  build_deps = { "ncurses", "gnutls", "nettle", "gmp", "libtasn1", "zlib", "pkgconf" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# Terminal only: no X, no sound, no image libraries, no native compilation.
]],
  configure_args = {
    "--libexecdir=/usr/libexec", "--without-all", "--without-x", "--without-ns",
    "--without-sound", "--with-gnutls", "--with-zlib", "--with-modules=no",
    "--without-native-compilation", "--with-dumping=pdumper", "--without-pop",
    "--with-file-notification=inotify",
  },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/applications" "$DESTDIR/usr/share/icons" \
  "$DESTDIR/usr/lib/systemd" "$DESTDIR/usr/share/metainfo"
# ctags clashes with nothing here, but emacs' movemail is a setgid mail tool.
find "$DESTDIR" -type f -perm -2000 -exec chmod g-s {} +
]],
}
