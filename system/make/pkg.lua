-- GNU make, built without configure (the way oasis builds packages): the
-- mirror has only Debian's make-dfsg repack, which carries configure.ac but no
-- generated ./configure, and autotools are not part of the closure.  The
-- recipe therefore brings config.h (hand-written for musl, see its comments)
-- and compiles the sources directly, the same way in every stage.
return {
  name = "make",
  version = "4.3",
  description = "GNU make (built without configure)",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/make/",
  sources = {
    -- Mirror-only: Debian's repack of GNU make 4.3 (make-dfsg 4.3 orig tarball:
    -- documentation removed, no ./configure), verified in the shared mirror;
    -- no upstream download has these bytes.
    { file = "make-dfsg_4.3.orig.tar.gz",
      sha256 = "be4c17542578824e745f83bcd2a9ba264206187247cb6a5f5df99b0a9d1f9047" },
  },
  files = { "config.h" },
  -- Stages a/b compile with the closure's tcc and link this stage's musl and
  -- libtcc1.a from the sysroot (the stage image's -B flag is in CFLAGS and
  -- LDFLAGS; with tcc in the sysroot, PATH also finds this stage's tcc first).
  -- The dev stage uses the builder's gcc and only needs musl's headers.
  build_deps = farm.stage == "dev" and { "musl" } or { "musl", "tcc" },
  build = [[
cp /build/files/config.h src/config.h
# make uses its bundled glob/fnmatch (musl's glob lacks GLOB_ALTDIRFUNC);
# configure would copy these headers into place.
cp lib/glob.in.h lib/glob.h
cp lib/fnmatch.in.h lib/fnmatch.h

srcs="ar arscan commands default dir expand file function getopt getopt1 guile
  hash implicit job load loadapi main misc output posixos read remake
  remote-stub rule signame strcache variable version vpath"
objs=
for f in $srcs; do
  $CC -DHAVE_CONFIG_H -Isrc -Ilib $CFLAGS \
    -DLIBDIR='"/usr/lib"' -DINCLUDEDIR='"/usr/include"' -DLOCALEDIR='"/usr/share/locale"' \
    -c src/$f.c -o src/$f.o
  objs="$objs src/$f.o"
done
for f in fnmatch glob; do
  $CC -DHAVE_CONFIG_H -Isrc -Ilib $CFLAGS -c lib/$f.c -o lib/$f.o
  objs="$objs lib/$f.o"
done
$CC $LDFLAGS -o make $objs

install -d "$DESTDIR/usr/bin"
install -m 755 make "$DESTDIR/usr/bin/make"
]],
}
