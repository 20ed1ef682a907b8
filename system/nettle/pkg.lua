-- nettle: cryptographic primitives (gnutls).
return {
  name = "nettle",
  version = "3.10.1",
  description = "Low-level cryptographic library",
  license = "LGPL-3.0-or-later OR GPL-2.0-or-later",
  homepage = "https://www.lysator.liu.se/~nisse/nettle/",
  sources = {
    -- sha256 from a Homebrew-style nettle formula (nettle-3.10.1.tar.gz).
    { url = "https://ftp.gnu.org/gnu/nettle/nettle-3.10.1.tar.gz",
      sha256 = "b0fcdd7fc0cdea6e80dcf1dd85ba794af0d5b4a57e26397eee3bc193272d9132" },
  },
  build_deps = { "gmp" },
  build_style = "configure",
  configure_args = { "--libdir=/usr/lib", "--disable-documentation", "--disable-openssl" },
}
