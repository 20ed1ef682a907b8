-- python: CPython, statically linked.  Not part of the Stasis set's runtime:
-- libplacebo and mpv run Python scripts while building (code generation),
-- so it is an extra that those recipes list in build_deps.
return {
  name = "python",
  version = "3.12.7",
  description = "Python interpreter (build tool of the meson extras)",
  license = "PSF-2.0",
  homepage = "https://www.python.org/",
  sources = {
    -- sha256 from a public build Dockerfile that checks python.org's release with sha256sum -c (Python-3.12.7.tar.xz).
    { url = "https://www.python.org/ftp/python/3.12.7/Python-3.12.7.tar.xz",
      sha256 = "24887b92e2afd4a2ac602419ad4b596372f67ac9b077190f459aba390faf5550" },
  },
  build_deps = { "zlib", "xz", "bzip2", "expat", "openssl" },
  build_style = "configure",
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
find "$DESTDIR" -name __pycache__ -type d -prune -exec rm -rf {} +
]],
}
