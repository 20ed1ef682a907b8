-- certs: the system's TLS trust store, the Mozilla CA root set.
--   /etc/ssl/cert.pem                      (libressl's default)
--   /etc/ssl/certs/ca-certificates.crt     (curl, git and most others)
--
-- A local package: the bundle is ca-certificates.crt beside this file, as
-- Debian's ca-certificates 20230311+deb12u1 generates it from Mozilla's NSS
-- root store (144 certificates).  To refresh it, replace the file with a newer
-- Mozilla bundle, e.g. curl's https://curl.se/ca/cacert-YYYY-MM-DD.pem after
-- checking it against the published https://curl.se/ca/cacert.pem.sha256; the
-- file's content is part of this package's key, so the change rebuilds it.
return {
  name = "certs",
  version = "20230311",
  description = "Mozilla CA certificate bundle",
  license = "MPL-2.0",
  homepage = "https://wiki.mozilla.org/CA",
  sources = {},
  files = { "ca-certificates.crt" },
  toolchain = false,
  build = [[
pem=/build/files/ca-certificates.crt
# A real bundle: many certificates and nothing but certificates.
n=$(grep -c 'BEGIN CERTIFICATE' "$pem")
test "$n" -gt 100
test "$(grep -c 'END CERTIFICATE' "$pem")" -eq "$n"
install -D -m 0644 "$pem" "$DESTDIR/etc/ssl/cert.pem"
mkdir -p "$DESTDIR/etc/ssl/certs"
ln -s ../cert.pem "$DESTDIR/etc/ssl/certs/ca-certificates.crt"
]],
}
