-- linux: the kernel (bzImage in /boot/vmlinuz, modules in /lib/modules when the
-- configuration has modules).
--
-- The .config comes from config.lua (`kernel.config`, a path relative to the
-- project root; configs/kernel-qemu.config is a small one for qemu).  Only this
-- recipe reads that option, so the file's sha256 enters this package's key and no
-- other; the farm puts the file at /build/files/kernel.config.  Without it,
-- x86_64_defconfig is used.
--
-- The kernel is freestanding (no C library; default.lua's CFLAGS/LTO do not
-- apply, toolchain = false).  In stages a and b it is compiled by musl-cross-make's
-- gcc, the system's own compiler, so A and B use one compiler.  In the dev stage
-- it is compiled by the builder's gcc, as grub's boot images are: a kernel needs
-- no toolchain built first, so a dev build (and CI) can boot Stasis's own kernel
-- without the hour musl-cross-make takes.  Host tools (objtool needs libelf) are
-- built statically against elfutils and zlib from the sysroot, by musl-gcc in the
-- dev stage and musl-cross-make's gcc in stages a and b.
local kconfig = config.kernel and config.kernel.config
local dev = farm.stage == "dev"
-- openssl: x86_64_defconfig builds certs/extract-cert (its trusted keyring).
local tools = { "bc", "bison", "flex", "elfutils", "zlib", "openssl" }
local deps = dev and tools or { "musl-cross-make", table.unpack(tools) }

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
  build_deps = deps,
  toolchain = false,
  timeout = 3 * 3600,
  build = (dev and [[
kcc=gcc hcc=musl-gcc
]] or [[
kcc=x86_64-linux-musl-gcc hcc=x86_64-linux-musl-gcc
]]) .. [[
# bison from the sysroot: its skeletons and m4 are there, not under /usr.
export BISON_PKGDATADIR="$SYSROOT/usr/share/bison" M4="$SYSROOT/usr/bin/m4"
# objtool links the static libelf, which needs zlib after it. The kernel's make builds
# tools/ with MAKEFLAGS reset, so a variable on this command line never reaches objtool's
# Makefile; the host flags do (exported): -lz at their end comes after -lelf.
set -- ARCH=x86_64 CC="$kcc" HOSTCC="$hcc" \
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
modules=; if grep -q '^CONFIG_MODULES=y' .config; then modules=modules; fi
make "$@" -j"$JOBS" bzImage $modules

mkdir -p "$DESTDIR/boot"
install -m 0644 arch/x86/boot/bzImage "$DESTDIR/boot/vmlinuz"
install -m 0644 System.map "$DESTDIR/boot/System.map"
install -m 0644 .config "$DESTDIR/boot/config"
# The build host's depmod is skipped (DEPMOD=true): there is no kmod in the
# system set; modules.dep is made on the target by busybox's depmod.
if [ -n "$modules" ]; then
  make "$@" INSTALL_MOD_PATH="$DESTDIR" DEPMOD=true modules_install
  rm -f "$DESTDIR"/lib/modules/*/build "$DESTDIR"/lib/modules/*/source
fi
]],
}
