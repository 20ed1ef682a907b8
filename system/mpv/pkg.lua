-- mpv: the media player, for the console: DRM/KMS video output (no X, no
-- Wayland on Stasis), ALSA audio, LuaJIT scripting, subtitles via libass.
return {
  name = "mpv",
  version = "0.35.1",
  description = "Command-line media player",
  license = "GPL-2.0-or-later",
  homepage = "https://mpv.io/",
  sources = {
    -- sha256 from a public build script that checks it with sha256sum -c (mpv v0.35.1 tag archive).
    { url = "https://github.com/mpv-player/mpv/archive/refs/tags/v0.35.1.tar.gz",
      file = "mpv-0.35.1.tar.gz",
      sha256 = "41df981b7b84e33a2ef4478aaf81d6f4f5c8b9cd2c0d337ac142fc20b387d1a9" },
  },
  build_deps = { "muon", "pkgconf", "python", "musl-cross-make",
    "ffmpeg", "libass", "libplacebo", "libdrm", "alsa-lib", "luajit", "zlib",
    "freetype", "fribidi", "harfbuzz", "gnutls", "nettle", "gmp", "libtasn1", "bzip2", "xz" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
muon setup -Dprefix=/usr -Dlibdir=lib -Dbuildtype=release -Ddefault_library=static \
  -Dprefer_static=true -Dlibmpv=false -Dcplayer=true -Dlua=luajit \
  -Ddrm=enabled -Dalsa=enabled -Dx11=disabled -Dwayland=disabled \
  -Dgl=disabled -Degl=disabled -Dvulkan=disabled -Dpulse=disabled \
  -Dpipewire=disabled -Djack=disabled -Dsdl2-audio=disabled -Dsdl2-video=disabled \
  -Dlibarchive=disabled -Dlcms2=disabled -Djpeg=disabled -Djavascript=disabled \
  -Duchardet=disabled -Drubberband=disabled -Dzimg=disabled -Dlibbluray=disabled \
  -Ddvdnav=disabled -Dcdda=disabled -Dmanpage-build=disabled -Dhtml-build=disabled \
  -Dpdf-build=disabled build
samu -C build -j"$JOBS"
DESTDIR="$DESTDIR" muon -C build install
rm -rf "$DESTDIR/usr/share/applications" "$DESTDIR/usr/share/icons" \
  "$DESTDIR/usr/share/bash-completion" "$DESTDIR/usr/share/zsh" "$DESTDIR/usr/share/fish"
]],
}
