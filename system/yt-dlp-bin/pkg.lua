-- yt-dlp-bin: yt-dlp's prebuilt single-file release for musl systems
-- (PyInstaller bundle with its own Python), under /sucks/yt-dlp-bin.  It is
-- dynamically linked against musl: the recipe builds musl's dynamic loader
-- into /sucks/yt-dlp-bin/lib and /sucks/yt-dlp-bin/yt-dlp runs it.
return {
  name = "yt-dlp-bin",
  version = "2026.08.19",
  description = "Prebuilt yt-dlp (musl build), under /sucks",
  license = "Unlicense",
  homepage = "https://github.com/yt-dlp/yt-dlp",
  sources = {
    -- sha256 from a public Dockerfile that pins this release's
    -- yt-dlp_musllinux (its ADD --checksum, copied from SHA2-256SUMS).
    { url = "https://github.com/yt-dlp/yt-dlp/releases/download/2026.08.19/yt-dlp_musllinux",
      file = "yt-dlp_musllinux-2026.08.19",
      sha256 = "f3dec9cfeaf304cec98290fe41c6ad465d4b747d302473559643e7af24929722", extract = false },
    -- The mirror's musl (same file and sha256 as system/musl): its dynamic loader.
    { url = "https://musl.libc.org/releases/musl-1.2.3.tar.gz",
      sha256 = "7d5b0b6062521e4627e099e4c9dc8248d32a30285e959b7eecaa780cf8cfd4a4" },
  },
  static = false,
  build = [[
install -D -m 0755 /build/src/yt-dlp_musllinux-2026.08.19 "$DESTDIR/sucks/yt-dlp-bin/bin/yt-dlp"
# The musl dynamic loader these prebuilt binaries need, built from the same
# musl source as the system C library and kept inside /sucks/yt-dlp-bin (the
# static system has no dynamic loader).  unset LDFLAGS: it carries -static.
(
  cd /build/src/musl-1.2.3
  unset LDFLAGS
  ./configure --prefix=/sucks/yt-dlp-bin --syslibdir=/sucks/yt-dlp-bin/lib \
    --disable-static CC="${CC%% *}" CFLAGS=-O2
  make -j"$JOBS" lib/libc.so
  install -D -m 0755 lib/libc.so "$DESTDIR/sucks/yt-dlp-bin/lib/ld-musl-x86_64.so.1"
)

cat > "$DESTDIR/sucks/yt-dlp-bin/yt-dlp" <<'SH'
#!/bin/sh
d=/sucks/yt-dlp-bin
exec $d/lib/ld-musl-x86_64.so.1 $d/bin/yt-dlp "$@"
SH
chmod 0755 "$DESTDIR/sucks/yt-dlp-bin/yt-dlp"
]],
}
