-- boehm-gc: the Boehm-Demers-Weiser garbage collector (w3m).
return {
  name = "boehm-gc",
  version = "8.2.2",
  description = "Conservative garbage collector for C",
  license = "MIT",
  homepage = "https://www.hboehm.info/gc/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of libgc 1:8.2.2-3: the upstream release file, byte for byte).
    { url = "https://github.com/ivmai/bdwgc/releases/download/v8.2.2/gc-8.2.2.tar.gz",
      sha256 = "f30107bcb062e0920a790ffffa56d9512348546859364c23a14be264b38836a0" },
  },
  build_style = "configure",
  -- GCC's atomic built-ins instead of the separate libatomic_ops.
  configure_args = { "--enable-threads=posix", "--with-libatomic-ops=none", "--disable-docs" },
}
