-- The system's gcc/g++ toolchain and the least around it that makes a usable
-- rootfs: a shell and userland to run it (busybox), the directory layout, and
-- the kernel headers.  The toolchain carries its own musl (in its sysroot);
-- the musl package is here so the rootfs also has the system's C library as
-- the other profiles do.  tools/toolchain-proof.sh compiles and runs C and C++
-- programs in a container made from this profile's preview (docs/toolchain.md).
return {
  description = "gcc/g++ toolchain (musl-cross-make) on a minimal busybox rootfs",
  packages = { "rootfs-layout", "musl", "busybox", "linux-headers", "musl-cross-make" },
}
