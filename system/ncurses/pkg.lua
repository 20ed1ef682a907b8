-- ncurses: terminal handling library, terminfo database and tools (static).
--
-- Built wide-character only (libncursesw.a and friends); the narrow names
-- (-lncurses, -lcurses, -ltinfo, ncurses.pc) are links to the wide ones, so
-- configure scripts that probe for any of them find the same library.
return {
  name = "ncurses",
  version = "6.4",
  description = "Terminal handling library with terminfo database",
  license = "X11",
  homepage = "https://invisible-island.net/ncurses/",
  sources = {
    { url = "https://invisible-island.net/archives/ncurses/ncurses-6.4.tar.gz",
      sha256 = "6931283d9ac87c5073f30b6290c4c75f21632bb4fc3603ac8100812bed248159" },
  },
  build_style = "configure",
  -- --enable-overwrite: headers directly in /usr/include (not ncursesw/).
  -- --without-cxx*: the builder's C compiler is musl-gcc only.
  -- --disable-stripping: install(1) must not run strip.
  -- --with-manpage-format=normal: plain manual pages; gzip would store
  -- timestamps in them (and mandoc reads either).
  -- The terminfo database is compiled at install time by the tic just built.
  -- cf_cv_ar_flags: configure would pick "ar -curvU", and U stores real
  -- timestamps, uids and modes in the archives (not reproducible).
  configure_args = {
    "--mandir=/usr/share/man", "--without-shared", "--with-normal", "--without-debug",
    "--without-profile", "--without-ada", "--without-cxx", "--without-cxx-binding",
    "--without-tests", "--enable-widec", "--enable-overwrite", "--enable-pc-files",
    "--with-pkg-config-libdir=/usr/lib/pkgconfig",
    "--with-default-terminfo-dir=/usr/share/terminfo",
    "--with-terminfo-dirs=/usr/share/terminfo", "--disable-stripping",
    "--disable-rpath", "--disable-home-terminfo", "--with-manpage-format=normal",
    "cf_cv_ar_flags=-crv",
  },
  post_install = [[
# ncursesw6-config and the .pc files record the link flags given to
# configure; the sysroot search path is meaningless outside this build.
sed -i "s| *-L$SYSROOT/usr/lib||g" "$DESTDIR/usr/bin/ncursesw6-config" \
  "$DESTDIR"/usr/lib/pkgconfig/*.pc
if grep -q "$SYSROOT" "$DESTDIR/usr/bin/ncursesw6-config" "$DESTDIR"/usr/lib/pkgconfig/*.pc; then exit 1; fi
# configure copies the build host's multiarch library directories (Debian's
# /usr/lib/x86_64-linux-gnu) into the script's list of standard directories;
# a Stasis system has only /lib and /usr/lib.
sed -i 's#/lib/x86_64-linux-gnu|/usr/lib/x86_64-linux-gnu|##g' "$DESTDIR/usr/bin/ncursesw6-config"
if grep -q 'x86_64-linux-gnu' "$DESTDIR/usr/bin/ncursesw6-config"; then exit 1; fi

cd "$DESTDIR/usr/lib"
for l in ncurses form panel menu; do
  ln -s lib${l}w.a lib$l.a
  ln -s ${l}w.pc pkgconfig/$l.pc
done
ln -s libncursesw.a libcurses.a
ln -s libncursesw.a libtinfo.a
ln -s ncursesw.pc pkgconfig/tinfo.pc
# <ncursesw/curses.h> and friends, as many programs spell them.
cd "$DESTDIR/usr/include"
mkdir ncursesw
for h in *.h; do ln -s ../$h ncursesw/$h; done
]],
}
