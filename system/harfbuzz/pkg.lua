-- harfbuzz: text shaping (libass needs it); C++, built by muon.
return {
  name = "harfbuzz",
  version = "10.4.0",
  description = "OpenType text shaping engine",
  license = "MIT",
  homepage = "https://harfbuzz.github.io/",
  sources = {
    -- sha256 from a CMake FetchContent URL_HASH for harfbuzz-10.4.0.tar.xz.
    { url = "https://github.com/harfbuzz/harfbuzz/releases/download/10.4.0/harfbuzz-10.4.0.tar.xz",
      sha256 = "480b6d25014169300669aa1fc39fb356c142d5028324ea52b3a27648b9beaad8" },
  },
  build_deps = { "muon", "samurai", "pkgconf", "musl-cross-make", "freetype" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
muon setup -Dprefix=/usr -Dlibdir=lib -Dbuildtype=release -Ddefault_library=static -Dprefer_static=true \
  -Dfreetype=enabled -Dglib=disabled -Dgobject=disabled -Dcairo=disabled \
  -Dicu=disabled -Dgraphite2=disabled -Dchafa=disabled -Dintrospection=disabled \
  -Ddocs=disabled -Dtests=disabled -Dutilities=disabled build
samu -C build -j"$JOBS"
DESTDIR="$DESTDIR" muon -C build install
]],
}
