-- neomutt: terminal mail reader with IMAP/SMTP over TLS (openssl).
return {
  name = "neomutt",
  version = "20250510",
  description = "Command-line mail reader (mutt fork)",
  license = "GPL-2.0-or-later",
  homepage = "https://neomutt.org/",
  sources = {
    -- sha256 from Homebrew's neomutt formula (Formula/n/neomutt.rb).
    { url = "https://github.com/neomutt/neomutt/archive/refs/tags/20250510.tar.gz",
      file = "neomutt-20250510.tar.gz",
      sha256 = "12d225e270d8e16cda41d855880b9d938750a4f1d647f55c6353337d32ffd653" },
  },
  build_deps = { "ncurses", "openssl", "zlib" },
  deps = { "certs" },
  build_style = "configure",
  -- autosetup-based configure (its jimsh is built with the same compiler).
  configure_args = {
    "--disable-doc", "--ssl", "--with-ssl=$SYSROOT/usr", "--zlib",
    "--with-zlib=$SYSROOT/usr", "--with-ncurses=$SYSROOT/usr",
  },
}
