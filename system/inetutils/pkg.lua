-- inetutils: GNU network clients (ping, traceroute, telnet, ftp, ...).
return {
  name = "inetutils",
  version = "2.4",
  description = "GNU network client utilities (ping, hostname, telnet, ftp, ...)",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/inetutils/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/inetutils/inetutils-2.4.tar.xz",
      sha256 = "1789d6b1b1a57dfe2a7ab7b533ee9f5dfd9cbf5b59bb1bb3c2612ed08d0f68b2" },
  },
  -- telnet's terminal handling uses the terminfo library.
  build_deps = { "ncurses" },
  build_style = "configure",
  -- Clients only: no daemons (inetd, telnetd, ftpd, ...), and none of the
  -- insecure r-commands; logger comes from util-linux.  No PAM, Kerberos,
  -- libidn or libwrap here.
  configure_args = {
    "--sbindir=/usr/bin", "--libexecdir=/usr/libexec", "--disable-servers",
    "--disable-rcp", "--disable-rexec", "--disable-rlogin", "--disable-rsh",
    "--disable-talk", "--disable-whois", "--disable-logger", "--without-pam",
    "--without-krb5", "--without-shishi", "--without-idn", "--without-wrap",
    "--disable-rpath", "MAKEINFO=true",
  },
  post_install = [[
rm -f "$DESTDIR/usr/share/info/dir"
# make install marks ping, ping6 and traceroute setuid root for raw sockets.
# Stasis ships no setuid programs it can avoid: root can ping; for other users
# the kernel's unprivileged ICMP sockets (net.ipv4.ping_group_range) apply.
chmod u-s "$DESTDIR"/usr/bin/ping "$DESTDIR"/usr/bin/ping6 "$DESTDIR"/usr/bin/traceroute
]],
}
