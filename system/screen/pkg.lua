-- screen: GNU screen.
return {
  name = "screen",
  version = "4.9.1",
  description = "Terminal multiplexer",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/screen/",
  sources = {
    -- sha256 from Homebrew's screen formula (screen-4.9.1.tar.gz).
    { url = "https://ftp.gnu.org/gnu/screen/screen-4.9.1.tar.gz",
      sha256 = "26cef3e3c42571c0d484ad6faf110c5c15091fbf872b06fa7aa4766c7405ac69" },
  },
  build_deps = { "ncurses" },
  build_style = "configure",
  configure_args = {
    "--enable-pam=no", "--with-sys-screenrc=/etc/screenrc",
    "--with-socket-dir=/run/screen", "--enable-colors256", "--enable-telnet",
  },
  post_install = [[
# Installed without setuid: sockets per user under /run/screen.
find "$DESTDIR" -type f -perm -4000 -exec chmod u-s {} +
rm -f "$DESTDIR"/usr/bin/screen-* && ln -sf screen "$DESTDIR/usr/bin/screen" 2>/dev/null || true
test -x "$DESTDIR/usr/bin/screen"
rm -rf "$DESTDIR/usr/share/info"
]],
}
