-- boehm-gc: the Boehm-Demers-Weiser garbage collector (w3m).
return {
  name = "boehm-gc",
  version = "8.2.8",
  description = "Conservative garbage collector for C",
  license = "MIT",
  homepage = "https://www.hboehm.info/gc/",
  sources = {
    -- sha256 from Homebrew's bdw-gc formula and Spack's bdw-gc package (gc-8.2.8.tar.gz).
    { url = "https://github.com/ivmai/bdwgc/releases/download/v8.2.8/gc-8.2.8.tar.gz",
      sha256 = "7649020621cb26325e1fb5c8742590d92fb48ce5c259b502faf7d9fb5dabb160" },
  },
  build_style = "configure",
  -- GCC's atomic built-ins instead of the separate libatomic_ops.
  configure_args = { "--enable-threads=posix", "--with-libatomic-ops=none", "--disable-docs" },
}
