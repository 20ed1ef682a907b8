-- certs: the Mozilla CA certificate bundle (as extracted and published by
-- the curl project), the system's TLS trust store.
--   /etc/ssl/cert.pem                      (libressl's default)
--   /etc/ssl/certs/ca-certificates.crt     (curl, git and most others)
return {
  name = "certs",
  version = "2025-12-02",
  description = "Mozilla CA certificate bundle",
  license = "MPL-2.0",
  homepage = "https://curl.se/docs/caextract.html",
  sources = {
    -- sha256 from Homebrew's ca-certificates formula (cacert-2025-12-02.pem).
    { url = "https://curl.se/ca/cacert-2025-12-02.pem",
      sha256 = "f1407d974c5ed87d544bd931a278232e13925177e239fca370619aba63c757b4" },
  },
  toolchain = false,
  build = [[
pem=$(ls /build/src/*.pem)
# A real bundle: many certificates, nothing else.
n=$(grep -c 'BEGIN CERTIFICATE' "$pem")
test "$n" -gt 100
install -D -m 0644 "$pem" "$DESTDIR/etc/ssl/cert.pem"
mkdir -p "$DESTDIR/etc/ssl/certs"
ln -s ../cert.pem "$DESTDIR/etc/ssl/certs/ca-certificates.crt"
]],
}
