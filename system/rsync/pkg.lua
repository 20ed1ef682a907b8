-- rsync: fast incremental file transfer.
return {
  name = "rsync",
  version = "3.2.7",
  description = "Fast incremental file-transfer tool",
  license = "GPL-3.0-or-later",
  homepage = "https://rsync.samba.org/",
  sources = {
    { url = "https://download.samba.org/pub/rsync/src/rsync-3.2.7.tar.gz",
      sha256 = "4e7d9d3f6ed10878c58c5fb724a67dacf4b6aac7340b13e488fb2dc41346f2bb" },
  },
  build_deps = { "zlib" },
  build_style = "configure",
  -- No OpenSSL/xxhash/zstd/lz4 on this system: rsync's bundled MD4/MD5 code
  -- and zlib compression are used.  --disable-md2man: the manual pages are
  -- shipped pre-generated (their generator needs python3).  The bundled popt
  -- is used; zlib comes from the sysroot.
  configure_args = {
    "--disable-openssl", "--disable-xxhash", "--disable-zstd", "--disable-lz4",
    "--disable-md2man", "--with-included-popt", "--without-included-zlib",
    "--disable-debug",
  },
}
