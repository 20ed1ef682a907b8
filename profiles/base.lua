-- The Stasis base system: boot, kernel and init, services, toolchain and
-- userland, every binary static.  Most of these packages' sources are not in
-- the shared offline mirror: `stasis-farm fetch --offline` lists what must be
-- added (docs/status.md has the per-package record); the `offline` profile is
-- the part of this set that builds from that mirror alone.
return {
  description = "Stasis base system",
  extends = nil,
  packages = {
    -- boot, kernel, init
    "rootfs-layout", "grub", "linux", "skalibs", "execline", "s6",
    "s6-linux-init", "s6-rc", "s6-boot", "s6-linux-utils", "s6-portable-utils",
    -- services
    "mdevd", "dhcpcd", "eiwd", "acpid", "openntpd", "dcron", "dropbear",
    -- toolchain
    "musl-cross-make", "make", "m4", "flex", "bison", "bc", "elfutils",
    -- userland
    "bash", "coreutils", "sed", "gnugrep", "findutils", "gawk", "diffutils",
    "patch", "which", "file", "less", "mandoc", "procps-ng", "shadow",
    "util-linux", "e2fsprogs", "kbd", "iproute2", "iw", "iptables",
    "gnu-netcat", "inetutils", "curl", "git", "rsync", "gtar", "bzip2", "xz",
    "lzip", "pigz", "ed", "mg", "vis", "lua", "libressl", "zlib", "certs",
    "ncurses", "libc-tools", "libcap", "libnl", "libtermkey", "lpeg", "tzdata",
  },
}
