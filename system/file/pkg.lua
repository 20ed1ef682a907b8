-- file: file type identification, libmagic and the compiled magic database.
return {
  name = "file",
  version = "5.44",
  description = "File type identification utility and libmagic",
  license = "BSD-2-Clause",
  homepage = "https://www.darwinsys.com/file/",
  sources = {
    { url = "https://astron.com/pub/file/file-5.44.tar.gz",
      sha256 = "3751c7fba8dbc831cb8d7cc8aff21035459b8ce5155ef8b0880a27d028475f3b" },
  },
  -- For `file -z` (look inside gzip/bzip2/xz-compressed files).
  build_deps = { "zlib", "bzip2", "xz" },
  build_style = "configure",
  configure_args = {
    "--enable-zlib", "--enable-bzlib", "--enable-xzlib", "--disable-zstdlib",
    "--disable-lzlib", "--disable-libseccomp",
  },
  -- libtool turns a plain -static into "prefer static libtool libraries" and
  -- still links the programs dynamically against libc; -all-static (at make
  -- time only: configure's link tests do not know it) makes them fully static.
  -- magic.mgc is compiled by the file just built.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
}
