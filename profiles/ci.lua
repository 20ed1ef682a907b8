-- Built in CI on every change: small, fast packages that still exercise
-- the interesting paths: build_deps chains (lua -> lpeg, ncurses -> less and
-- libtermkey, zlib/bzip2/xz -> file, zlib -> mandoc), autoconf+libtool,
-- hand-written configures, plain Makefiles, a data-only package and two
-- local packages (the filesystem layout, getent/getconf, the CA bundle), plus the
-- three services the example config.lua starts (dhcpcd, openntpd, dropbear).
-- Measured with a throwaway harness on 2 cores: about 70 s of build time in
-- the builder (sum of the container runs, sources already in place).
return {
  description = "Fast CI smoke-test set (~10 packages, dependency chains included)",
  extends = nil,
  packages = {
    -- local packages (files beside pkg.lua, no upstream source)
    "rootfs-layout", "libc-tools", "certs",
    "zlib", "bzip2", "xz",
    "lua", "lpeg",
    "ncurses", "less", "libtermkey",
    "file", "mandoc",
    "tzdata",
    -- The services the example config.lua enables, so that config renders.
    "dhcpcd", "openntpd", "dropbear",
  },
}
