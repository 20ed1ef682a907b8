-- libdrm: kernel DRM/KMS interface (mpv's drm output).
return {
  name = "libdrm",
  version = "2.4.124",
  description = "Direct Rendering Manager userspace library",
  license = "MIT",
  homepage = "https://gitlab.freedesktop.org/mesa/drm",
  sources = {
    -- sha256 from upstream's release announcement (SHA256 line) and Homebrew's libdrm formula.
    { url = "https://dri.freedesktop.org/libdrm/libdrm-2.4.124.tar.xz",
      sha256 = "ac36293f61ca4aafaf4b16a2a7afff312aa4f5c37c9fbd797de9e3c0863ca379" },
  },
  build_deps = { "muon", "pkgconf" },
  build = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# The core library only: no vendor GPU helpers (intel needs libpciaccess),
# no tests, no cairo/valgrind, no man pages (docutils).
muon setup -Dprefix=/usr -Dlibdir=lib -Dbuildtype=release -Ddefault_library=static -Dprefer_static=true \
  -Dintel=disabled -Dradeon=disabled -Damdgpu=disabled -Dnouveau=disabled \
  -Dvmwgfx=disabled -Dtests=false -Dman-pages=disabled -Dvalgrind=disabled \
  -Dcairo-tests=disabled -Dudev=false build
samu -C build -j"$JOBS"
DESTDIR="$DESTDIR" muon -C build install
]],
}
