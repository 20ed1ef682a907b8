-- socat: bidirectional relay between two data channels (sockets, files,
-- pipes, TLS with openssl).
return {
  name = "socat",
  version = "1.8.0.3",
  description = "Multipurpose relay (SOcket CAT)",
  license = "GPL-2.0-only",
  homepage = "http://www.dest-unreach.org/socat/",
  sources = {
    -- sha256 from Homebrew's socat formula (socat-1.8.0.3.tar.gz).
    { url = "http://www.dest-unreach.org/socat/download/socat-1.8.0.3.tar.gz",
      sha256 = "a9f9eb6cfb9aa6b1b4b8fe260edbac3f2c743f294db1e362b932eb3feca37ba4" },
  },
  build_deps = { "openssl" },
  build_style = "configure",
  configure_args = { "--disable-readline", "--disable-libwrap" },
}
