-- libnl: Netlink protocol library suite (static), without libnl-route.
--
-- libnl-route-3 (and libnl-nf-3 and libnl-cli-3, which need it) contain
-- two grammars (lib/route/cls/ematch_*, lib/route/pktloc_*) that the release
-- tarball ships only as .y/.l sources; the builder has no bison/yacc.  So
-- only libnl-3 (core), libnl-genl-3 (generic netlink, what iw needs),
-- libnl-idiag-3 and libnl-xfrm-3 are built; the headers are installed in
-- full.  (FLEX=: YACC=: satisfy configure's checks for the two tools, which
-- the libraries built here do not use.)
return {
  name = "libnl",
  version = "3.7.0",
  description = "Netlink library suite (core, genl, idiag, xfrm; static)",
  license = "LGPL-2.1-only",
  homepage = "https://github.com/thom311/libnl",
  sources = {
    { url = "https://github.com/thom311/libnl/releases/download/libnl3_7_0/libnl-3.7.0.tar.gz",
      sha256 = "9fe43ccbeeea72c653bdcf8c93332583135cda46a79507bfd0a483bb57f65939" },
  },
  build = [[
./configure --prefix=/usr --sysconfdir=/etc --disable-shared --enable-static \
  --disable-cli --disable-debug --disable-pthreads FLEX=: YACC=:
libs="libnl-3 libnl-genl-3 libnl-idiag-3 libnl-xfrm-3"
targets=
for l in $libs; do targets="$targets lib/$l.la"; done
make -j"$JOBS" $targets
# Install by hand what the library targets built (`make install` would
# build everything).
install -d "$DESTDIR/usr/lib/pkgconfig" "$DESTDIR/usr/include" "$DESTDIR/etc/libnl"
for l in $libs; do
  install -m 644 lib/.libs/$l.a "$DESTDIR/usr/lib/$l.a"
  install -m 644 $l.0.pc "$DESTDIR/usr/lib/pkgconfig/"
done
(cd include && find netlink -name '*.h' | while read -r h; do
  install -D -m 644 "$h" "$DESTDIR/usr/include/libnl3/$h"
done)
install -m 644 etc/classid etc/pktloc "$DESTDIR/etc/libnl/"
]],
}
