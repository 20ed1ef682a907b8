-- dhcpcd: DHCP / DHCPv6 / IPv4LL / router-solicitation client.
return {
  name = "dhcpcd",
  version = "9.4.1",
  description = "DHCP and DHCPv6 client",
  license = "BSD-2-Clause",
  homepage = "https://roy.marples.name/projects/dhcpcd",
  sources = {
    { url = "https://roy.marples.name/downloads/dhcpcd/dhcpcd-9.4.1.tar.xz",
      sha256 = "819357634efed1ea5cf44ec01b24d3d3f8852fec8b4249925dcc5667c54e376c" },
  },
  build = [[
# Hand-written configure (CC/CFLAGS/LDFLAGS from the environment).
# --disable-privsep: privilege separation needs a dedicated "dhcpcd" user,
# which the base system does not create.  No udev on this system.
CFLAGS="$CFLAGS $CPPFLAGS" ./configure --prefix=/usr --sbindir=/usr/bin \
  --sysconfdir=/etc --libexecdir=/usr/libexec/dhcpcd \
  --dbdir=/var/lib/dhcpcd --rundir=/run/dhcpcd \
  --disable-privsep --without-udev --os=linux
make -j"$JOBS"
make install DESTDIR="$DESTDIR"
]],
}
