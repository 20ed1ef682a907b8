-- boot: the smallest Stasis that boots like the real one and rebuilds itself.
--   toolchain: the tiny closure (musl, tcc, busybox, make) and the kernel's
--              user-space headers; stages a and b build every package with
--              the stage's own tcc
--   init:      s6-linux-init (PID 1 becomes s6-svscan) + s6-boot, s6-rc
--              services, mdevd for device nodes, execline, s6 and skalibs
--   userland:  busybox (sh, mount, getty, login, ...), s6-portable-utils,
--              s6-linux-utils, libc-tools (getent, getconf)
-- It boots to a login on the serial console under s6 (`stasis-farm boot`);
-- configs/boot.config.lua is a config.lua that fits it.
return {
  description = "Boots under s6 to a serial login and rebuilds itself with tcc",
  packages = {
    "musl", "tcc", "busybox", "make", "linux-headers",
    "rootfs-layout", "libc-tools",
    "skalibs", "execline", "s6", "s6-rc", "s6-linux-init", "s6-boot", "mdevd",
    "s6-portable-utils", "s6-linux-utils",
  },
}
