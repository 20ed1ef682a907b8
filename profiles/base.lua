-- The base system: every package with a recipe in system/ that builds
-- (statically, offline) from the source mirror.  Others extend this list as
-- their recipes land (busybox, dash, mksh, make, s6*, ...).
-- Not listed: execline (needs skalibs >= 2.14.3.0; the mirror has 2.13.1.1).
return {
  description = "Stasis base system",
  extends = nil,
  packages = {
    -- toolchain closure
    "musl", "tcc",
    -- libraries
    "zlib", "bzip2", "xz", "ncurses", "lua", "lpeg", "libcap", "libnl",
    "libtermkey", "elfutils", "skalibs",
    -- core userland
    "coreutils", "findutils", "diffutils", "sed", "gnugrep", "patch",
    "file", "less", "mandoc", "bc", "m4", "flex",
    "util-linux", "e2fsprogs", "procps-ng",
    -- networking
    "iproute2", "iw", "iptables", "inetutils", "dhcpcd", "openntpd",
    "dropbear", "curl", "rsync",
    -- other daemons and data
    "acpid", "mg", "tzdata",
  },
}
