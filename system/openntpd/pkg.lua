-- openntpd: OpenBSD's NTP daemon, portable version.
--
-- No libtls on this system, so the HTTPS time-constraint feature is left
-- out (configure detects that by itself).
return {
  name = "openntpd",
  version = "6.2p3",
  description = "Lightweight NTP daemon from OpenBSD (portable)",
  license = "ISC",
  homepage = "https://www.openntpd.org/",
  sources = {
    { url = "https://cdn.openbsd.org/pub/OpenBSD/OpenNTPD/openntpd-6.2p3.tar.gz",
      sha256 = "d01f2caf77d069e658550d03e3a3c9d51b65f6b1139a45fb67be946fcb3d690d" },
  },
  build_style = "configure",
  pre_configure = [[
# ntpd drops privileges to the _ntp user (created by the system's user
# configuration) and chroots to /var/empty.
# The sources expect BSD's __packed macro (without it every "} __packed;"
# defines a variable of that name) and tentative definitions shared between
# objects, which GCC 10+ rejects (-fno-common is its default).  The macro
# is given through a forced include: parentheses in a -D would not survive
# the Makefiles' shell quoting.
cat > stasis-packed.h <<'EOF2'
#ifndef __packed
#define __packed __attribute__((__packed__))
#endif
EOF2
]],
  configure_args = {
    "--sbindir=/usr/bin", "--with-privsep-user=_ntp", "--with-cacert=/etc/ssl/cert.pem",
    "CFLAGS=$CFLAGS -fcommon -include $PWD/stasis-packed.h",
  },
  -- libtool: -all-static (at make time) for fully static programs.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  -- The install makes an empty /var/run, which rootfs-layout links to /run.
  post_install = [[rmdir "$DESTDIR/var/run"]],
}
