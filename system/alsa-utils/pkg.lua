-- alsa-utils: alsamixer, amixer, aplay, arecord, speaker-test.
return {
  name = "alsa-utils",
  version = "1.2.8",
  description = "ALSA utilities (alsamixer, aplay, amixer)",
  license = "GPL-2.0-or-later",
  homepage = "https://www.alsa-project.org/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of alsa-utils 1.2.8-1: the upstream release file, byte for byte).
    { url = "https://www.alsa-project.org/files/pub/utils/alsa-utils-1.2.8.tar.bz2",
      sha256 = "e140fa604c351f36bd72167c8860c69d81b964ae6ab53992d6434dde38e9333c" },
  },
  build_deps = { "alsa-lib", "ncurses", "pkgconf" },
  deps = { "alsa-lib" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
]],
  configure_args = {
    "--disable-xmlto", "--disable-rst2man", "--disable-alsaconf", "--disable-bat",
    "--disable-alsaloop", "--with-udev-rules-dir=no", "--with-systemdsystemunitdir=no",
    "--with-curses=ncursesw",
  },
  -- libtool drops -static when it links a program (it reads it as "prefer
  -- static libtool libraries"); -all-static links the programs fully static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  -- The topology plugins' libtool archives record the sysroot's -L path.
  post_install = [[
rm -f "$DESTDIR"/usr/lib/alsa-topology/*.la
]],
}
