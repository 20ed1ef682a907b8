-- The part of the base system that builds from the shared offline mirror
-- (../shared/sources) with no other download, plus the local packages (no
-- sources at all) and the tiny toolchain closure (musl, tcc).  Regenerate
-- docs/status.md after building it:
--   stasis-farm build --profile offline --keep-going --mirror ../shared/sources
-- Not listed: execline (needs skalibs >= 2.14.3.0, whose source is not in the
-- mirror) and the packages whose sources are missing (`stasis-farm fetch
-- --offline --profile base` lists them).
return {
  description = "Base packages buildable from the shared offline mirror",
  extends = nil,
  packages = {
    "rootfs-layout", "libc-tools", "certs",
    "musl", "tcc",
    "zlib", "bzip2", "xz", "ncurses", "lua", "lpeg", "libcap", "libnl",
    "libtermkey", "elfutils",
    "coreutils", "findutils", "diffutils", "sed", "gnugrep", "patch",
    "file", "less", "mandoc", "bc", "m4", "flex",
    "util-linux", "e2fsprogs", "procps-ng",
    "iproute2", "iw", "iptables", "inetutils", "dhcpcd", "openntpd",
    "dropbear", "curl", "rsync",
    "acpid", "mg", "tzdata",
  },
}
