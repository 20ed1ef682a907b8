-- linux: the kernel (bzImage in /boot/vmlinuz, modules in /lib/modules).
--
-- The .config comes from config.lua (`kernel.config`, a path relative to the
-- project root).  Only this recipe reads that option, so the file's sha256
-- enters this package's key and no other; the farm puts the file at
-- /build/files/kernel.config.  Without it, x86_64_defconfig is used.
--
-- Compiled by musl-cross-make's gcc in every stage (the kernel is freestanding:
-- default.lua's CFLAGS/LTO do not apply, toolchain = false), so dev, stage a and
-- stage b use the same compiler.  Host tools (objtool needs libelf) are built
-- with the same gcc, statically, against elfutils and zlib from the sysroot.
local kconfig = config.kernel and config.kernel.config

return {
  name = "linux",
  version = "6.1.99",
  description = "The Linux kernel",
  license = "GPL-2.0-only",
  homepage = "https://www.kernel.org",
  sources = {
    -- sha256 of both files from Void Linux srcpkgs/linux6.1/template (6.1.99).
    { url = "https://cdn.kernel.org/pub/linux/kernel/v6.x/linux-6.1.tar.xz",
      sha256 = "2ca1f17051a430f6fed1196e4952717507171acfd97d96577212502703b25deb" },
    { url = "https://cdn.kernel.org/pub/linux/kernel/v6.x/patch-6.1.99.xz",
      sha256 = "06fe6378e766b7513d0c2c7575b03daf125f7e844cf9905e2373b067c0ee0ec4",
      extract = false },
  },
  build_deps = { "musl-cross-make", "bc", "bison", "flex", "elfutils", "zlib", "xz" },
  toolchain = false,
  timeout = 3 * 3600,
  build = [[
xz -dc /build/src/patch-6.1.99.xz | patch -p1 -s

kcc=x86_64-linux-musl-gcc
set -- ARCH=x86_64 CC="$kcc" HOSTCC="$kcc" \
  HOSTCFLAGS="-O2 -I$SYSROOT/usr/include" HOSTLDFLAGS="-static -L$SYSROOT/usr/lib" \
  LIBELF_LIBS="-lelf -lz" KBUILD_BUILD_USER=stasis KBUILD_BUILD_HOST=stasis \
  KBUILD_BUILD_TIMESTAMP="@$SOURCE_DATE_EPOCH"
]] .. (kconfig ~= nil and [[
# The operator's .config (config.lua kernel.config); new options get defaults.
cp /build/files/kernel.config .config
make "$@" olddefconfig
]] or [[
make "$@" x86_64_defconfig
]]) .. [[
make "$@" -j"$JOBS" bzImage modules

mkdir -p "$DESTDIR/boot"
install -m 0644 arch/x86/boot/bzImage "$DESTDIR/boot/vmlinuz"
install -m 0644 System.map "$DESTDIR/boot/System.map"
install -m 0644 .config "$DESTDIR/boot/config"
# The build host's depmod is skipped (DEPMOD=true): there is no kmod in the
# system set; modules.dep is made on the target by busybox's depmod.
make "$@" INSTALL_MOD_PATH="$DESTDIR" DEPMOD=true modules_install
rm -f "$DESTDIR"/lib/modules/*/build "$DESTDIR"/lib/modules/*/source
]],
}
