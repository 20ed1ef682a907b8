-- busybox: /bin/sh (ash) and the userland the closure's builds need
-- (coreutils, sed, grep, awk, find, xargs, diff, patch, tar, gzip, bzip2,
-- xz -d, vi, ...).  The applet selection is busybox.config, a complete
-- .config made from `make allnoconfig` plus the options tiny.md lists.
return {
  name = "busybox",
  version = "1.37.0",
  description = "Shell and core utilities in one static binary",
  license = "GPL-2.0-only",
  homepage = "https://busybox.net/",
  sources = {
    { url = "https://busybox.net/downloads/busybox-1.37.0.tar.bz2",
      sha256 = "3311dff32e746499f4df0d5df04d7eb396382d7e108bb9250e7b519b837043a4" },
  },
  -- tcc-compat.patch: kbuild and source fixes for tinycc (see its header);
  -- kconfig-no-pause.patch: no one-second sleep after the configuration.
  patches = { "tcc-compat.patch", "kconfig-no-pause.patch" },
  files = { "busybox.config" },
  -- Stages a/b compile with the closure's tcc and link this stage's musl and
  -- libtcc1.a from the sysroot (with tcc in the sysroot, PATH also finds
  -- this stage's tcc first).  The dev stage uses the builder's gcc and only
  -- needs musl's headers.
  build_deps = farm.stage == "dev" and { "musl" } or { "musl", "tcc" },
  -- Its applet links give way in a rootfs to the programs of other selected
  -- packages at the same paths (util-linux's hexdump, gawk's awk, ...).
  fallback = true,
  build = [[
cp /build/files/busybox.config .config

if [ "$STASIS_STAGE" = dev ]; then
  set -- CC="$CC" HOSTCC="$CC"
  # A dev builder without strip (one imported from a Stasis rootfs, whose tcc
  # emits no debug info) keeps busybox as linked, as stages a/b do.
  command -v "${STRIP:-strip}" >/dev/null 2>&1 || set -- "$@" SKIP_STRIP=y
else
  # The closure's compiler, pointed at this stage's musl and libtcc1.a in
  # the sysroot (see tcc's pkg.lua); `tcc -r` links the intermediate
  # built-in.o files (busybox's LD is "$(CC) -nostdlib") and `tcc -ar`
  # makes the libraries.  busybox picks its own optimisation flags.
  tcc="$CC -B$SYSROOT/usr/lib/tcc"
  # There is no strip in the closure (tcc emits no debug info anyway).
  set -- CC="$tcc" HOSTCC="$tcc" AR="$CC -ar" SKIP_STRIP=y
  unset CFLAGS CPPFLAGS LDFLAGS
fi

# The version banner carries the kconfig timestamp: with SOURCE_DATE_EPOCH
# set (the farm sets it) busybox's kconfig uses that instead of the clock.
# The configuration first (include/autoconf.h: it runs one job at a time
# anyway), then the build and the install in one make: the links' list
# needs autoconf.h under its absolute path, which make only finds if it is
# there when it starts; a make after the build would read every object's
# record again, one core busy.
make "$@" include/autoconf.h
make "$@" -j"$JOBS" install CONFIG_PREFIX="$DESTDIR"
# A failure while listing the applets would leave busybox without links.
test -L "$DESTDIR/bin/sh"
]],
}
