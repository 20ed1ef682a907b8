-- muon: an implementation of the meson build system in C99 (no Python);
-- with samurai it builds the meson-only extras (libdrm, harfbuzz,
-- libplacebo, mpv).
return {
  name = "muon",
  version = "0.2.0",
  description = "meson-compatible build system in C",
  license = "GPL-3.0-only",
  homepage = "https://muon.build/",
  sources = {
    -- sha256 from Void Linux srcpkgs/muon/template.
    { url = "https://git.sr.ht/~lattis/muon/archive/0.2.0.tar.gz",
      file = "muon-0.2.0.tar.gz",
      sha256 = "d73db1be5388821179a25a15ba76fd59a8bf7c8709347a4ec2cb91755203f36c" },
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
