-- libc-tools: the small lookup tools glibc ships and musl leaves out,
-- getent and getconf, written for Stasis (files beside this recipe) on top of
-- musl's own passwd/group/shadow/netdb and sysconf/confstr/pathconf.
-- Local package: no upstream source.  (musl's ldd needs the dynamic loader,
-- which a static system does not have, so there is none.)
return {
  name = "libc-tools",
  version = "1",
  description = "getent and getconf for musl",
  license = "0BSD",
  sources = {},
  files = { "getent.c", "getconf.c" },
  -- Stages a/b compile with the closure's tcc against this stage's musl and
  -- libtcc1.a (the stage image's -B flag, in CFLAGS and LDFLAGS); the dev
  -- stage with the builder's musl-gcc.
  build_deps = farm.stage ~= "dev" and { "musl", "tcc" } or nil,
  build = [[
if [ "$STASIS_STAGE" = dev ]; then
  warn="-Wall -Wextra -Werror"
else
  warn="-Wall"
fi
mkdir -p "$DESTDIR/usr/bin"
for t in getent getconf; do
  $CC $CPPFLAGS $CFLAGS -std=c99 -D_GNU_SOURCE $warn \
    -o "$t" "/build/files/$t.c" $LDFLAGS
  install -m 0755 "$t" "$DESTDIR/usr/bin/$t"
done
# A smoke test of what was just built (static, runs here).
./getconf PAGESIZE
./getconf PATH_MAX /
]],
}
