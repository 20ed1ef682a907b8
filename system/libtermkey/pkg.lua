-- libtermkey: terminal key input library (static).
return {
  name = "libtermkey",
  version = "0.22",
  description = "Library for processing keyboard entry from terminals",
  license = "MIT",
  homepage = "https://www.leonerd.org.uk/code/libtermkey/",
  sources = {
    { url = "https://www.leonerd.org.uk/code/libtermkey/libtermkey-0.22.tar.gz",
      sha256 = "6945bd3c4aaa83da83d80a045c5563da4edd7d0374c62c0d35aec09eb3014600" },
  },
  -- terminfo access through ncurses' libtinfo (no unibilium on this system).
  build_deps = { "ncurses" },
  build = [[
# The upstream Makefile drives everything through a `libtool` program and
# pkg-config, neither of which the builder has; the library is three files,
# compiled here directly.  Without HAVE_UNIBILIUM, driver-ti.c uses
# <term.h> from ncurses.
for f in termkey driver-csi driver-ti; do
  $CC $CFLAGS $CPPFLAGS -std=c99 -D_XOPEN_SOURCE=700 -c $f.c -o $f.o
done
rm -f libtermkey.a
ar rcD libtermkey.a termkey.o driver-csi.o driver-ti.o
ranlib -D libtermkey.a

install -d "$DESTDIR/usr/lib/pkgconfig" "$DESTDIR/usr/include" \
  "$DESTDIR/usr/share/man/man3" "$DESTDIR/usr/share/man/man7"
install -m 644 libtermkey.a "$DESTDIR/usr/lib/"
install -m 644 termkey.h "$DESTDIR/usr/include/"
# termkey.pc.sh writes the pkg-config file from LIBDIR, INCDIR, VERSION; a
# static link also needs the terminfo library.
LIBDIR=/usr/lib INCDIR=/usr/include VERSION="$STASIS_VERSION" sh termkey.pc.sh > termkey.pc
printf 'Libs.private: -lncursesw\n' >> termkey.pc
install -m 644 termkey.pc "$DESTDIR/usr/lib/pkgconfig/"
install -m 644 man/*.3 "$DESTDIR/usr/share/man/man3/"
install -m 644 man/*.7 "$DESTDIR/usr/share/man/man7/"
# man/also lists "alias = page" lines: make the aliases links.
while read -r alias eq target; do
  ln -sf "$target" "$DESTDIR/usr/share/man/man3/$alias"
done < man/also
]],
}
