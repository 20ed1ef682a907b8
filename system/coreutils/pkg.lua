-- coreutils: the GNU core utilities.
return {
  name = "coreutils",
  version = "9.1",
  description = "GNU core utilities (ls, cp, mv, cat, ...)",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/coreutils/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/coreutils/coreutils-9.1.tar.xz",
      sha256 = "61a1f410d78ba7e7f37a5a4f50e6d1320aca33375484a3255eddf17a38580423" },
  },
  build_style = "configure",
  pre_configure = [[
# The build container runs as root; coreutils' configure refuses that unless
# told it is intended (one mknod test is unreliable as root).
export FORCE_UNSAFE_CONFIGURE=1
# kill and uptime come from procps-ng, hostname from inetutils.  stdbuf
# works by LD_PRELOADing libstdbuf.so, which a static system cannot do.
]],
  configure_args = {
    "--disable-rpath", "--disable-acl", "--disable-xattr", "--disable-libcap",
    "--without-selinux", "--without-openssl", "--without-gmp",
    "--enable-no-install-program=kill,uptime,stdbuf", "MAKEINFO=true",
  },
  post_install = [[
rm -f "$DESTDIR/usr/share/info/dir"
rm -rf "$DESTDIR/usr/libexec/coreutils"
]],
}
