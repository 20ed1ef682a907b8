-- ffmpeg: ffmpeg/ffprobe and the libav* libraries mpv plays with.
return {
  name = "ffmpeg",
  version = "6.1.1",
  description = "Audio and video converter and libraries",
  license = "GPL-3.0-or-later",
  homepage = "https://ffmpeg.org/",
  sources = {
    -- sha256 from a public build script that checks it with sha256sum -c (ffmpeg-6.1.1.tar.xz).
    { url = "https://ffmpeg.org/releases/ffmpeg-6.1.1.tar.xz",
      sha256 = "8684f4b00f94b85461884c3719382f1261f0d9eb3d59640a1f4ac0873616f968" },
  },
  build_deps = { "nasm", "pkgconf", "gnutls", "nettle", "gmp", "libtasn1", "libass", "freetype", "fribidi", "harfbuzz", "libdrm", "alsa-lib", "zlib", "bzip2", "xz" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# GPL v3 build (gnutls for TLS; libressl/OpenSSL would make it non-free).
]],
  configure_args = {
    "--cc=$CC", "--cxx=false", "--extra-cflags=$CFLAGS $CPPFLAGS",
    "--extra-ldflags=$LDFLAGS", "--pkg-config=pkg-config",
    "--pkg-config-flags=--static", "--enable-gpl", "--enable-version3",
    "--enable-gnutls", "--enable-libass", "--enable-libfreetype", "--enable-libfribidi",
    "--enable-libharfbuzz", "--enable-libdrm", "--enable-alsa", "--enable-zlib",
    "--enable-bzlib", "--enable-lzma", "--disable-doc", "--disable-debug",
    "--disable-xlib", "--disable-libxcb", "--disable-sdl2", "--disable-vaapi",
    "--disable-vdpau",
  },
}
