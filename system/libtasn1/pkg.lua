-- libtasn1: ASN.1 DER parsing (gnutls).
return {
  name = "libtasn1",
  version = "4.20.0",
  description = "ASN.1 library",
  license = "LGPL-2.1-or-later",
  homepage = "https://www.gnu.org/software/libtasn1/",
  sources = {
    -- sha256 from a Homebrew-style libtasn1 formula (libtasn1-4.20.0.tar.gz).
    { url = "https://ftp.gnu.org/gnu/libtasn1/libtasn1-4.20.0.tar.gz",
      sha256 = "92e0e3bd4c02d4aeee76036b2ddd83f0c732ba4cda5cb71d583272b23587a76c" },
  },
  build_style = "configure",
  -- libtool drops a plain -static when it links programs; -all-static keeps them static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  configure_args = { "--disable-doc" },
}
