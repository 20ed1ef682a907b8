-- w3m: text-mode web browser (garbage collection from boehm-gc, TLS from
-- openssl).
return {
  name = "w3m",
  version = "0.5.3",
  description = "Text-mode web browser and pager",
  license = "MIT",
  homepage = "https://github.com/tats/w3m",
  sources = {
    -- sha256 from Void Linux srcpkgs/w3m/template.
    { url = "https://downloads.sourceforge.net/w3m/w3m-0.5.3.tar.gz",
      sha256 = "e994d263f2fd2c22febfbe45103526e00145a7674a0fda79c822b97c2770a9e3" },
  },
  build_deps = { "boehm-gc", "ncurses", "openssl", "zlib" },
  deps = { "certs" },
  build_style = "configure",
  configure_args = {
    "--libexecdir=/usr/libexec", "--with-gc=$SYSROOT/usr", "--with-ssl=$SYSROOT/usr",
    "--with-termlib=ncursesw", "--disable-image", "--without-x", "--disable-w3mmailer",
  },
}
