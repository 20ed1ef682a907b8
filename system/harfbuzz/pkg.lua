-- harfbuzz: text shaping (libass needs it); C++, built by muon.
return {
  name = "harfbuzz",
  version = "10.2.0",
  description = "OpenType text shaping engine",
  license = "MIT",
  homepage = "https://harfbuzz.github.io/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of harfbuzz 10.2.0-1+deb13u1: the upstream release file, byte for byte).
    { url = "https://github.com/harfbuzz/harfbuzz/releases/download/10.2.0/harfbuzz-10.2.0.tar.xz",
      sha256 = "620e3468faec2ea8685d32c46a58469b850ef63040b3565cde05959825b48227" },
  },
  -- Without freetype: its source cannot be obtained here (docs/status.md), and
  -- harfbuzz shapes with its own OpenType font functions without it.  libass
  -- needs freetype itself, so it waits for that source either way.
  build_deps = { "muon", "pkgconf", "musl-cross-make" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
muon setup -Dprefix=/usr -Dlibdir=lib -Dbuildtype=release -Ddefault_library=static -Dprefer_static=true \
  -Dfreetype=disabled -Dglib=disabled -Dgobject=disabled -Dcairo=disabled \
  -Dicu=disabled -Dgraphite2=disabled -Dchafa=disabled -Dintrospection=disabled \
  -Ddocs=disabled -Dtests=disabled -Dutilities=disabled build
samu -C build -j"$JOBS"
DESTDIR="$DESTDIR" muon -C build install
]],
}
