-- mandoc: man page formatter (man, apropos, whatis, makewhatis, soelim).
return {
  name = "mandoc",
  version = "1.14.6",
  description = "UNIX manpage compiler and man(1) implementation",
  license = "ISC",
  homepage = "https://mandoc.bsd.lv/",
  sources = {
    { url = "https://mandoc.bsd.lv/snapshots/mandoc-1.14.6.tar.gz",
      sha256 = "8bf0d570f01e70a6e124884088870cbed7537f36328d512909eb10cd53179d9c" },
  },
  -- mandoc reads gzip-compressed manuals through zlib (required).
  build_deps = { "zlib" },
  build_style = "configure",
  pre_configure = [[
# mandoc's hand-written configure takes its settings from configure.local.
# STATIC=-static links the programs statically; the sysroot's zlib is found
# through CPPFLAGS/LDFLAGS.  OSNAME is fixed (configure would otherwise ask
# uname(1) of the build host and embed the answer in the binaries).
cat > configure.local <<EOF2
CC="$CC"
CFLAGS="$CFLAGS $CPPFLAGS"
LDFLAGS="$LDFLAGS"
STATIC="-static"
PREFIX=/usr
BINDIR=/usr/bin
SBINDIR=/usr/bin
MANDIR=/usr/share/man
BIN_FROM_SBIN=.
MANPATH_DEFAULT=/usr/share/man
MANPATH_BASE=/usr/share/man
OSNAME="Stasis"
UTF8_LOCALE=C.UTF-8
LN="ln -sf"
EOF2
]],
}
