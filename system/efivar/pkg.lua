-- efivar: read and write UEFI variables (libefivar, libefiboot, efivar).
return {
  name = "efivar",
  version = "39",
  description = "Tools and library for UEFI variables",
  license = "LGPL-2.1-or-later",
  homepage = "https://github.com/rhboot/efivar",
  sources = {
    -- sha256 from the ix distribution's efivar recipe and an Alpine-style APKBUILD (tag archive 39).
    { url = "https://github.com/rhboot/efivar/archive/refs/tags/39.tar.gz",
      file = "efivar-39.tar.gz",
      sha256 = "c9edd15f2eeeea63232f3e669a48e992c7be9aff57ee22672ac31f5eca1609a6" },
  },
  build = [[
# The static targets (libefivar.a, libefiboot.a, efivar-static).
make -j"$JOBS" CC="$CC" HOSTCC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS" \
  ENABLE_DOCS=0 static
make install-static DESTDIR="$DESTDIR" PREFIX=/usr LIBDIR=/usr/lib ENABLE_DOCS=0
mv "$DESTDIR/usr/bin/efivar-static" "$DESTDIR/usr/bin/efivar"
]],
}
