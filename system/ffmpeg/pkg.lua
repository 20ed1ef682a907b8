-- ffmpeg: ffmpeg/ffprobe and the libav* libraries mpv plays with.
return {
  name = "ffmpeg",
  version = "7.1.5",
  description = "Audio and video converter and libraries",
  license = "GPL-3.0-or-later",
  homepage = "https://ffmpeg.org/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of ffmpeg 7:7.1.5-0+deb13u1: the upstream release file, byte for byte).
    { url = "https://ffmpeg.org/releases/ffmpeg-7.1.5.tar.xz",
      sha256 = "de668509caf9e35e3cd162473441fdb29538c6d96ed080292b3cf9e6fc5d558f" },
  },
  -- No text rendering (the subtitles/ass and drawtext filters): libass and
  -- drawtext need freetype, whose source cannot be obtained here
  -- (docs/status.md); fribidi and harfbuzz serve only those filters.
  build_deps = { "nasm", "pkgconf", "gnutls", "nettle", "gmp", "libtasn1", "libdrm", "alsa-lib", "zlib", "bzip2", "xz" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# GPL v3 build (gnutls for TLS; libressl/OpenSSL would make it non-free).
]],
  -- Hand-written configure: it refuses --sysconfdir and autoconf's other defaults.
  -- The configure line (ffmpeg -version, av*_configuration()) names the build's
  -- sysroot, and the .pc files carry the -L of the libraries pkg-config found:
  -- on the installed system those are /usr's.
  post_configure = [[
sed -i "/FFMPEG_CONFIGURATION/s|$SYSROOT||g" config.h
if grep -q "$SYSROOT" config.h; then echo "ffmpeg: the configure line still names $SYSROOT" >&2; exit 1; fi
]],
  post_install = [[
sed -i "s| -L$SYSROOT/usr/lib||g" "$DESTDIR"/usr/lib/pkgconfig/*.pc
if grep -q "$SYSROOT" "$DESTDIR"/usr/lib/pkgconfig/*.pc; then echo "ffmpeg: a .pc file still names $SYSROOT" >&2; exit 1; fi
]],
  configure_defaults = false,
  configure_args = {
    "--prefix=/usr", "--disable-shared", "--enable-static",
    "--cc=$CC", "--cxx=false", "--extra-cflags=$CFLAGS $CPPFLAGS",
    "--extra-ldflags=$LDFLAGS", "--pkg-config=pkg-config",
    "--pkg-config-flags=--static", "--enable-gpl", "--enable-version3",
    "--enable-gnutls", "--enable-libdrm", "--enable-alsa", "--enable-zlib",
    "--enable-bzlib", "--enable-lzma", "--disable-doc", "--disable-debug",
    "--disable-xlib", "--disable-libxcb", "--disable-sdl2", "--disable-vaapi",
    "--disable-vdpau",
  },
}
