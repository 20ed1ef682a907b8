-- xz: XZ Utils, the LZMA2 compressor and liblzma (static only).
return {
  name = "xz",
  version = "5.4.1",
  description = "LZMA/XZ compression utilities and the liblzma library",
  -- liblzma and the tools are public domain (0BSD from 5.6); the scripts
  -- (xzgrep, xzdiff, ...) are GPL-2.0-or-later and getopt_long from gnulib LGPL.
  license = "0BSD AND GPL-2.0-or-later AND LGPL-2.1-or-later",
  homepage = "https://tukaani.org/xz/",
  sources = {
    { url = "https://tukaani.org/xz/xz-5.4.1.tar.xz",
      sha256 = "5d9827aa1875b21c288f78864bb26d2650b436ea8d2cad364e4921eb6266a5a5" },
  },
  build_style = "configure",
  -- --disable-doc: no API docs / example sources under /usr/share/doc.
  configure_args = { "--disable-doc", "--disable-rpath" },
  -- libtool turns a plain -static into "prefer static libtool libraries" and
  -- still links the programs dynamically against libc; -all-static (given at
  -- make time only, configure's own link tests do not know it) makes them
  -- fully static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
}
