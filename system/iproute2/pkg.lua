-- iproute2: ip, bridge, genl, nstat, ifstat, lnstat, ... (no tc, no ss).
return {
  name = "iproute2",
  version = "6.1.0",
  description = "Linux networking utilities: ip, bridge, genl, nstat, ...",
  license = "GPL-2.0-or-later",
  homepage = "https://wiki.linuxfoundation.org/networking/iproute2",
  sources = {
    { url = "https://www.kernel.org/pub/linux/utils/net/iproute2/iproute2-6.1.0.tar.xz",
      sha256 = "5ce12a0fec6b212725ef218735941b2dab76244db7e72646a76021b0537b43ab" },
  },
  build = [[
# iproute2's own configure writes config.mk after probing $CC (no libmnl,
# libelf, libbpf, selinux or libcap on this system: those features are off).
export CC
./configure
# Left out, because their grammars (tc/emp_ematch.y, misc/ssfilter.y) need
# bison/yacc, which the builder does not have: tc (with its netem tables)
# and ss.  tipc/devlink/rdma/dcb/vdpa need libmnl.  SHARED_LIBS=n: tc/ip
# plug-ins would be dlopen()ed, impossible in a static system.
opts="SHARED_LIBS=n PREFIX=/usr SBINDIR=/usr/bin CONFDIR=/etc/iproute2"
subdirs="lib ip bridge genl"
misc="nstat ifstat rtacct lnstat"
make -j"$JOBS" $opts SUBDIRS="$subdirs" CC="$CC"
# misc/ without ss: its TARGETS list replaced; through the top-level Makefile,
# which exports the include paths and defines.
make -j"$JOBS" $opts SUBDIRS=misc TARGETS="$misc" CC="$CC"
make install $opts SUBDIRS="$subdirs" DESTDIR="$DESTDIR"
make install $opts SUBDIRS=misc TARGETS="$misc" DESTDIR="$DESTDIR"
# man/ has its own SUBDIRS (man3 man7 man8), so it cannot go through the
# top-level SUBDIRS; its variables are given directly (some pages are made
# from .in files, with the paths below substituted).
manopts="MANDIR=/usr/share/man CONFDIR=/etc/iproute2 NETNS_ETC_DIR=/etc/netns NETNS_RUN_DIR=/var/run/netns"
make -C man $manopts
make -C man install $manopts DESTDIR="$DESTDIR"
# Manual pages of the programs not built; nothing but release notes and
# examples would be in the doc directory.
cd "$DESTDIR/usr/share/man/man8"
rm -f tc*.8 ss.8 rdma*.8 devlink*.8 tipc*.8 vdpa*.8 dcb*.8 arpd.8
cd - >/dev/null
rm -rf "$DESTDIR/usr/share/doc"
]],
}
