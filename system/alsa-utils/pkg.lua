-- alsa-utils: alsamixer, amixer, aplay, arecord, speaker-test.
return {
  name = "alsa-utils",
  version = "1.2.14",
  description = "ALSA utilities (alsamixer, aplay, amixer)",
  license = "GPL-2.0-or-later",
  homepage = "https://www.alsa-project.org/",
  sources = {
    -- sha256 from a source manifest pinning alsa-utils-1.2.14.tar.bz2 (sha256 field).
    { url = "https://www.alsa-project.org/files/pub/utils/alsa-utils-1.2.14.tar.bz2",
      sha256 = "0794c74d33fed943e7c50609c13089e409312b6c403d6ae8984fc429c0960741" },
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
}
