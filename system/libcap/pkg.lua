-- libcap: POSIX 1003.1e capabilities library and tools (static).
return {
  name = "libcap",
  version = "2.66",
  description = "POSIX capabilities library and getcap/setcap/capsh",
  license = "BSD-3-Clause OR GPL-2.0-only",
  homepage = "https://sites.google.com/site/fullycapable/",
  sources = {
    { url = "https://www.kernel.org/pub/linux/libs/security/linux-privs/libcap2/libcap-2.66.tar.xz",
      sha256 = "15c40ededb3003d70a283fe587a36b7d19c8b3b554e33f86129c059a4bb466b2" },
  },
  build = [[
# Plain Makefiles (Make.Rules).  SHARED=no: static libraries only; no Go
# bindings and no PAM module; the build-time helper (_makenames) is
# compiled with the same compiler.  RAISE_SETFCAP=no: `make install` must not
# try to setcap the installed setcap (no capabilities in the container).
opts="prefix=/usr lib=lib SBINDIR=/usr/bin SHARED=no GOLANG=no PAM_CAP=no
  USE_GPERF=no RAISE_SETFCAP=no"
make -j"$JOBS" $opts CC="$CC" BUILD_CC="$CC" AR=ar RANLIB=ranlib \
  CFLAGS="$CFLAGS $CPPFLAGS" BUILD_CFLAGS="$CFLAGS $CPPFLAGS" \
  LDFLAGS="$LDFLAGS" BUILD_LDFLAGS="$LDFLAGS"
make install $opts DESTDIR="$DESTDIR"
]],
}
