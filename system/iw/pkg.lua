-- iw: nl80211-based wireless configuration tool.
return {
  name = "iw",
  version = "5.19",
  description = "Wireless device configuration utility (nl80211)",
  license = "ISC",
  homepage = "https://wireless.wiki.kernel.org/en/users/documentation/iw",
  sources = {
    { url = "https://www.kernel.org/pub/software/network/iw/iw-5.19.tar.xz",
      sha256 = "f167bbe947dd53bb9ebc0c1dcef5db6ad73ac1d6084f2c6f9376c5c360cc4d4e" },
  },
  build_deps = { "libnl" },
  build = [[
# The Makefile asks pkg-config for libnl; the builder has none, so
# NO_PKG_CONFIG=1 and the flags libnl-genl-3.0.pc would give are passed
# directly (command-line CFLAGS/LIBS replace the Makefile's own, hence the
# warning options and -lm repeated here).
make -j"$JOBS" NO_PKG_CONFIG=1 CC="$CC" \
  CFLAGS="$CFLAGS $CPPFLAGS -I$SYSROOT/usr/include/libnl3 -DCONFIG_LIBNL30 -Wall -fno-strict-aliasing -fno-common" \
  LDFLAGS="$LDFLAGS" LIBS="-lnl-genl-3 -lnl-3 -lm"
make install NO_PKG_CONFIG=1 DESTDIR="$DESTDIR" PREFIX=/usr SBINDIR=/usr/bin
]],
}
