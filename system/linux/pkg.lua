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
  version = "6.1.176",
  description = "The Linux kernel",
  license = "GPL-2.0-only",
  homepage = "https://www.kernel.org",
  sources = {
    -- Mirror-only: Debian's tarball of Linux 6.1.176 (orig tarball of Debian source
    -- package linux 6.1.176-1, made by Debian's genorig from the stable release;
    -- top directory linux-6.1.176), not kernel.org's release file.  sha256 verified
    -- against Debian's source archive index.  The same release as the shared
    -- mirror's linux-headers-6.1.176, and no stable patch is needed on top.
    { file = "linux_6.1.176.orig.tar.xz",
      sha256 = "9aad4025973feea3f0d978e82ab7db97d8d5ce3f59fcc6b1f316153d66e3a504" },
  },
  build_deps = { "musl-cross-make", "bc", "bison", "flex", "elfutils", "zlib", "xz" },
  toolchain = false,
  timeout = 3 * 3600,
  build = [[
# bison from the sysroot: its skeletons and m4 are there, not under /usr.
export BISON_PKGDATADIR="$SYSROOT/usr/share/bison" M4="$SYSROOT/usr/bin/m4"
kcc=x86_64-linux-musl-gcc
# objtool links the static libelf, which needs zlib after it. The kernel's make builds
# tools/ with MAKEFLAGS reset, so a variable on this command line never reaches objtool's
# Makefile; the host flags do (exported): -lz at their end comes after -lelf.
set -- ARCH=x86_64 CC="$kcc" HOSTCC="$kcc" \
  HOSTCFLAGS="-O2 -I$SYSROOT/usr/include" HOSTLDFLAGS="-static -L$SYSROOT/usr/lib -lz" \
  KBUILD_BUILD_USER=stasis KBUILD_BUILD_HOST=stasis \
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
