-- muon: an implementation of the meson build system in C99 (no Python),
-- with samurai's ninja built in (`muon samu`, also installed as samu); it
-- builds the meson-only packages (libdrm, harfbuzz, libplacebo).
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
  build = [[
# Stage 1: a bootstrap muon (one amalgamated C file, with its own ninja
# implementation, samu, built in); stage 2: muon building itself.  No
# libcurl/libarchive/libpkgconf: pkg-config is run as a program.
CC="$CC" CFLAGS="$CFLAGS" LDFLAGS="$LDFLAGS" ./bootstrap.sh stage1 no-pkgconf
stage1/muon-bootstrap setup -Dprefix=/usr -Dbuildtype=release -Dstatic=true \
  -Dlibcurl=disabled -Dlibarchive=disabled -Dlibpkgconf=disabled \
  -Dsamurai=enabled -Dreadline=builtin -Ddocs=disabled -Dwebsite=false -Dtracy=disabled -Dui=disabled build
stage1/muon-bootstrap -C build samu -j"$JOBS"
DESTDIR="$DESTDIR" build/muon -C build install
# samu is muon's built-in ninja (`muon samu`); build scripts call it as samu.
printf '#!/bin/sh\nexec muon samu "$@"\n' > "$DESTDIR/usr/bin/samu"
chmod 755 "$DESTDIR/usr/bin/samu"
test -x "$DESTDIR/usr/bin/muon"
]],
}
