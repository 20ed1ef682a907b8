-- socat: bidirectional relay between two data channels (sockets, files,
-- pipes, TLS with openssl).
return {
  name = "socat",
  version = "1.8.0.3",
  description = "Multipurpose relay (SOcket CAT)",
  license = "GPL-2.0-only",
  homepage = "http://www.dest-unreach.org/socat/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of socat 1.8.0.3-1+deb13u1: the upstream release file, byte for byte).
    { url = "http://www.dest-unreach.org/socat/download/socat-1.8.0.3.tar.bz2",
      sha256 = "01eb017361d95bb3a6941e840b59e4463a3fabf92df4154ed02b16a2ed6a0095" },
  },
  build_deps = { "openssl" },
  build_style = "configure",
  configure_args = { "--disable-readline", "--disable-libwrap" },
}
