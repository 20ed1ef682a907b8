-- efibootmgr: edit the UEFI boot manager's entries (static against efivar).
return {
  name = "efibootmgr",
  version = "18",
  description = "Manage UEFI boot entries",
  license = "GPL-2.0-or-later",
  homepage = "https://github.com/rhboot/efibootmgr",
  sources = {
    -- sha256 from Void Linux srcpkgs/efibootmgr/template.
    { url = "https://github.com/rhboot/efibootmgr/archive/18.tar.gz",
      file = "efibootmgr-18.tar.gz",
      sha256 = "442867d12f8525034a404fc8af3036dba8e1fc970998af2486c3b940dfad0874" },
  },
  build_deps = { "efivar", "pkgconf" },
  build = [[
# Only efibootmgr itself (efibootdump needs popt, not in the system).
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" \
  LDFLAGS="$LDFLAGS" EFIDIR=stasis EFI_LOADER=grubx64.efi \
  EXTRAINCDIRS="$SYSROOT/usr/include/efivar" src/efibootmgr
install -D -m 0755 src/efibootmgr "$DESTDIR/usr/bin/efibootmgr"
install -D -m 0644 src/efibootmgr.8 "$DESTDIR/usr/share/man/man8/efibootmgr.8" 2>/dev/null || true
]],
}
