-- grub: the boot loader, for BIOS (i386-pc) and UEFI (x86_64-efi) machines.
-- Both platforms are built from one source tree; the tools (grub-install,
-- grub-mkconfig, grub-mkimage, ...) are static musl programs.
return {
  name = "grub",
  version = "2.12",
  description = "GRand Unified Bootloader (BIOS and UEFI)",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/grub/",
  sources = {
    -- sha256 from the x86_64-efi-grub Homebrew formula (grub-2.12.tar.xz).
    { url = "https://ftp.gnu.org/gnu/grub/grub-2.12.tar.xz",
      sha256 = "f3c97391f7c4eaa677a78e090c7e97e6dc47b16f655f04683ebd37bef7fe0faa" },
  },
  -- The boot images are freestanding code compiled by a real gcc (the
  -- builder's musl-gcc wrapper adds musl's headers, which grub must not see):
  -- in stages A and B musl-cross-make's, in the dev stage the builder's own gcc
  -- and binutils (Debian's; -m32 freestanding code needs no 32-bit libc).  The
  -- grub-* tools are ordinary static musl programs ($CC).
  -- gawk: genmoddep.awk uses asorti, which the builder's mawk lacks.
  build_deps = { "flex", "bison", "gawk", farm.stage ~= "dev" and "musl-cross-make" or nil },
  build = [[
T=]] .. (farm.stage == "dev" and "" or "x86_64-linux-musl-") .. [[

# bison runs from the sysroot: its data and m4 are found there, not at the /usr
# paths compiled into it.
export BISON_PKGDATADIR="$SYSROOT/usr/share/bison" M4="$SYSROOT/usr/bin/m4"

# 2.12's tarball lacks this generated file (fixed after the release).
echo depends bli part_gpt > grub-core/extra_deps.lst

hcflags=$CFLAGS hcppflags=$CPPFLAGS hldflags=$LDFLAGS
for p in i386-pc x86_64-efi; do
  mkdir build-$p
  cd build-$p
  # The build's flags go to the grub-* tools only (HOST_*): configure would
  # also hand CFLAGS, CPPFLAGS and LDFLAGS to the boot images (-O2 after their
  # -Os, the sysroot's headers, -static).
  CFLAGS= CPPFLAGS= LDFLAGS= \
  HOST_CFLAGS="$hcflags" HOST_CPPFLAGS="$hcppflags" HOST_LDFLAGS="$hldflags" \
  ../configure --prefix=/usr --sysconfdir=/etc --sbindir=/usr/bin \
    --target=${p%%-*} --with-platform=${p#*-} \
    TARGET_CC=${T}gcc TARGET_OBJCOPY=${T}objcopy TARGET_STRIP=${T}strip \
    TARGET_NM=${T}nm TARGET_RANLIB=${T}ranlib \
    --disable-nls --disable-werror --disable-efiemu --disable-grub-mkfont \
    --disable-grub-themes --disable-device-mapper --disable-liblzma \
    --disable-libzfs --disable-grub-mount
  make -j"$JOBS"
  make install DESTDIR="$DESTDIR"
  cd ..
done
# modinfo.sh records the build's flags: the sysroot and the build compiler's own
# include directory mean nothing on the installed system.
sed -i -e "s|$SYSROOT||g" -e 's| -isystem [^ ]*/include||' "$DESTDIR"/usr/lib/grub/*/modinfo.sh
if grep -qE "/build/|-isystem" "$DESTDIR"/usr/lib/grub/*/modinfo.sh; then echo "grub: modinfo.sh still names build paths" >&2; exit 1; fi
rm -rf "$DESTDIR/usr/share/info"
]],
}
