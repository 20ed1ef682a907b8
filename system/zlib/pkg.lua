-- zlib: the deflate compression library (static only).
--
-- Source: Debian's repack of zlib 1.2.13 (zlib_1.2.13.dfsg.orig.tar.bz2: the
-- release with contrib/ removed and recompressed; top directory
-- zlib-1.2.13.dfsg).  It is not byte-identical to zlib.net's tarball, so the
-- source is mirror-only and the sha256 is that of the repack.  Nothing from
-- contrib/ is used here.
return {
  name = "zlib",
  version = "1.2.13",
  description = "General-purpose lossless data-compression library",
  license = "Zlib",
  homepage = "https://zlib.net/",
  sources = {
    -- Mirror-only: Debian's repack (see above), verified in the shared mirror;
    -- not the upstream release tarball.
    { file = "zlib_1.2.13.dfsg.orig.tar.bz2",
      sha256 = "71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1" },
  },
  build = [[
# zlib's hand-written configure reads CC and CFLAGS from the environment;
# --static builds only libz.a.
CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS" \
  ./configure --prefix=/usr --static
make -j"$JOBS" libz.a
make install DESTDIR="$DESTDIR"
]],
}
