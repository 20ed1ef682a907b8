-- mg: micro GNU/emacs-style editor (OpenBSD's mg, portable version).
--
-- The portable mg expects libbsd (BSD <sys/queue.h>, <sys/tree.h>,
-- strtonum, fparseln), which is not in the source mirror; the few pieces it
-- uses are provided by small compatibility files written for Stasis, beside
-- this recipe (bsd-queue.h, bsd-tree.h, bsd-compat.h, bsd-compat.c).
-- Source: the GitHub tag archive of hboetes/mg 20240709.
return {
  name = "mg",
  version = "20240709",
  description = "Small Emacs-like text editor",
  license = "LicenseRef-mg-public-domain",
  homepage = "https://github.com/hboetes/mg",
  sources = {
    -- GitHub tag archive (mg publishes no separate release tarball).
    { url = "https://github.com/hboetes/mg/archive/refs/tags/20240709.tar.gz",
      file = "mg-20240709.tar.gz",
      sha256 = "8b2c7574f161172098d6e7feb8a8b7112afbc0604a53cb3a04268e7b32fe45ad" },
  },
  -- terminal output through the terminfo/termcap functions of ncurses.
  build_deps = { "ncurses" },
  files = { "bsd-queue.h", "bsd-tree.h", "bsd-compat.h", "bsd-compat.c" },
  build = [[
mkdir -p stasis-compat/sys
cp /build/files/bsd-queue.h stasis-compat/sys/queue.h
cp /build/files/bsd-tree.h stasis-compat/sys/tree.h
cp /build/files/bsd-compat.h /build/files/bsd-compat.c stasis-compat/
# tags.c includes <util.h> (where OpenBSD declares fparseln).
printf '#include "bsd-compat.h"\n' > stasis-compat/util.h

# The GNUmakefile insists on pkg-config and libbsd; compile directly with
# the same definitions it would use on Linux (-DREGEX -D_GNU_SOURCE
# -DHAVE_PTY_H), the compatibility headers first on the include path and
# bsd-compat.h force-included.
flags="$CFLAGS $CPPFLAGS -DREGEX -D_GNU_SOURCE -DHAVE_PTY_H -Istasis-compat"
flags="$flags -include stasis-compat/bsd-compat.h -Wno-deprecated-declarations"
objs=
for f in autoexec basic bell buffer cinfo dir display echo extend file \
         fileio funmap interpreter help kbd keymap line macro main match \
         modes paragraph re_search region search spawn tty ttyio ttykbd \
         undo util version window word yank cmode cscope dired grep tags; do
  objs="$objs $f.o"
done
# Parallel compile through make's own built-in rule (no Makefile needed).
make -f /dev/null -j"$JOBS" CC="$CC" CFLAGS="$flags" $objs
$CC $flags -c stasis-compat/bsd-compat.c -o bsd-compat.o
$CC $LDFLAGS -o mg $objs bsd-compat.o -lncursesw

install -d "$DESTDIR/usr/bin" "$DESTDIR/usr/share/man/man1"
install -m 755 mg "$DESTDIR/usr/bin/mg"
install -m 644 mg.1 "$DESTDIR/usr/share/man/man1/mg.1"
]],
}
