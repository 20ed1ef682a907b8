-- jre-bin: Eclipse Temurin's prebuilt Java 21 runtime for musl (Alpine
-- build), kept apart from the static system under /sucks/jre-bin.  It is
-- dynamically linked against musl: the recipe builds musl's dynamic loader
-- into /sucks/jre-bin/lib and /sucks/jre-bin/java runs the JVM through it.
return {
  name = "jre-bin",
  version = "21.0.9+10",
  description = "Prebuilt OpenJDK 21 runtime (Temurin, musl), under /sucks",
  license = "GPL-2.0-only WITH Classpath-exception-2.0",
  homepage = "https://adoptium.net/",
  sources = {
    -- sha256 from the official eclipse-temurin 21 JRE Alpine Dockerfile (ESUM
    -- for x86_64, 21.0.9+10).
    { url = "https://github.com/adoptium/temurin21-binaries/releases/download/jdk-21.0.9%2B10/OpenJDK21U-jre_x64_alpine-linux_hotspot_21.0.9_10.tar.gz",
      file = "OpenJDK21U-jre_x64_alpine-linux_hotspot_21.0.9_10.tar.gz",
      sha256 = "17aca4ecc1600f70ec88ea0f8bf3a06ba6806bdae8c96d03c07683c800f0d4e8" },
    -- The mirror's musl (same file and sha256 as system/musl): its dynamic loader.
    { url = "https://musl.libc.org/releases/musl-1.2.3.tar.gz",
      sha256 = "7d5b0b6062521e4627e099e4c9dc8248d32a30285e959b7eecaa780cf8cfd4a4" },
  },
  static = false,
  build = [[
mkdir -p "$DESTDIR/sucks/jre-bin"
cp -R . "$DESTDIR/sucks/jre-bin/"
# The musl dynamic loader these prebuilt binaries need, built from the same
# musl source as the system C library and kept inside /sucks/jre-bin (the
# static system has no dynamic loader).  unset LDFLAGS: it carries -static.
(
  cd /build/src/musl-1.2.3
  unset LDFLAGS
  ./configure --prefix=/sucks/jre-bin --syslibdir=/sucks/jre-bin/lib \
    --disable-static CC="${CC%% *}" CFLAGS=-O2
  make -j"$JOBS" lib/libc.so
  install -D -m 0755 lib/libc.so "$DESTDIR/sucks/jre-bin/lib/ld-musl-x86_64.so.1"
)

cat > "$DESTDIR/sucks/jre-bin/java" <<'SH'
#!/bin/sh
# Run the prebuilt JVM through the musl loader shipped beside it.
d=/sucks/jre-bin
exec $d/lib/ld-musl-x86_64.so.1 --library-path $d/lib:$d/lib/server $d/bin/java "$@"
SH
chmod 0755 "$DESTDIR/sucks/jre-bin/java"
test -x "$DESTDIR/sucks/jre-bin/bin/java"
]],
}
