-- muon: an implementation of the meson build system in C99 (no Python);
-- with samurai it builds the meson-only extras (libdrm, harfbuzz,
-- libplacebo, mpv).
return {
  name = "muon",
  version = "0.4.0",
  description = "meson-compatible build system in C",
  license = "GPL-3.0-only",
  homepage = "https://muon.build/",
  sources = {
    -- Mirror-only: Debian's tarball of muon 0.4.0 (top directory muon-v0.4.0; other bytes than the sr.ht tag archive) (orig tarball of Debian source package muon-meson 0.4.0-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "muon-meson_0.4.0.orig.tar.gz",
      sha256 = "9121f2521fb5037a87a922573b7fd886f0c4e7eb17696dd80901d810b9b56609" },
  },
  build_deps = { "samurai" },
  deps = { "samurai" },
  build = [[
# Stage 1: a bootstrap muon with only the C compiler; stage 2: muon
# building itself (no libcurl/libarchive/libpkgconf: pkg-config is run).
CC="$CC" CFLAGS="$CFLAGS" LDFLAGS="$LDFLAGS" ./bootstrap.sh stage1
stage1/muon setup -Dprefix=/usr -Dbuildtype=release \
  -Dlibcurl=disabled -Dlibarchive=disabled -Dlibpkgconf=disabled \
  -Dsamurai=disabled build
samu -C build -j"$JOBS"
DESTDIR="$DESTDIR" build/muon -C build install
test -x "$DESTDIR/usr/bin/muon"
]],
}
