-- python: CPython, statically linked.  Not part of the Stasis set's runtime:
-- libplacebo and mpv run Python scripts while building (code generation),
-- so it is an extra that those recipes list in build_deps.
return {
  name = "python",
  version = "3.13.5",
  description = "Python interpreter (build tool of the meson extras)",
  license = "PSF-2.0",
  homepage = "https://www.python.org/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of python3.13 3.13.5-2+deb13u5: the upstream release file, byte for byte).
    { url = "https://www.python.org/ftp/python/3.13.5/Python-3.13.5.tar.xz",
      sha256 = "93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640" },
  },
  build_deps = { "zlib", "xz", "bzip2", "expat", "openssl" },
  build_style = "configure",
  -- configure compares its platform triplet (x86_64-linux-musl, from musl-gcc) with what
  -- `$CC --print-multiarch` says; musl-gcc passes that to the builder's gcc, which answers
  -- x86_64-linux-gnu.  There is no multiarch layout on Stasis: the question is dropped.
  pre_configure = [[
sed -i 's/^\( *\)MULTIARCH=\$(\$CC --print-multiarch 2>\/dev\/null)$/\1MULTIARCH=/' configure
if grep -q 'MULTIARCH=$($CC --print-multiarch' configure; then echo "configure still asks for multiarch" >&2; exit 1; fi
]],
  -- One static binary: every standard extension module is linked into it
  -- (MODULE_BUILDTYPE=static), none is a loadable .so.
  configure_args = {
    "MODULE_BUILDTYPE=static", "--without-ensurepip", "--disable-test-modules",
    "--with-system-expat", "--with-openssl=$SYSROOT/usr", "--without-static-libpython",
  },
  make_build_args = { "LINKFORSHARED= " },
  make_install_args = { "LINKFORSHARED= " },
  post_install = [[
ln -sf python3 "$DESTDIR/usr/bin/python"
rm -rf "$DESTDIR"/usr/lib/python3*/test "$DESTDIR"/usr/lib/python3*/idlelib \
  "$DESTDIR"/usr/lib/python3*/tkinter "$DESTDIR"/usr/lib/python3*/turtledemo
# sysconfig's data and the Makefile extension builds read record the build's
# sysroot and source tree: on the installed system those are /usr and the
# config directory beside the Makefile (where an installed python's srcdir is).
for f in "$DESTDIR"/usr/lib/python3*/_sysconfigdata_*.py "$DESTDIR"/usr/lib/python3*/config-*/Makefile; do
  sed -i -e "s|$SYSROOT||g" -e "s|/build/src/Python-$STASIS_VERSION|/usr/lib/python${STASIS_VERSION%.*}/config-${STASIS_VERSION%.*}-x86_64-linux-musl|g" "$f"
  if grep -qE "/build/(src|sysroot)" "$f"; then echo "python: $f still names the build tree" >&2; exit 1; fi
done
find "$DESTDIR" -name __pycache__ -type d -prune -exec rm -rf {} +
]],
}
