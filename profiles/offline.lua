-- The part of the base system that builds from the shared offline mirror
-- (../shared/sources) with no other download, plus the local packages (no
-- sources at all) and the tiny toolchain closure (musl, tcc).  Regenerate
-- docs/status.md after building it:
--   stasis-farm build --profile offline --keep-going --mirror ../shared/sources
-- Not listed: the s6 family (the `boot` profile builds it), curl (needs openssl, whose source is in the second mirror,
-- mirror/SOURCES list), e2fsprogs (1.47.2, for mke2fs -d that takes SOURCE_DATE_EPOCH: second mirror too)
-- and the packages whose sources are missing (`stasis-farm fetch --offline --profile base` lists them).
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
    "util-linux", "procps-ng",
    "iproute2", "iw", "iptables", "inetutils", "dhcpcd", "openntpd",
    "dropbear", "rsync",
    "acpid", "mg", "tzdata",
  },
}
