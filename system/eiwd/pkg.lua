-- eiwd: iwd (Intel's wireless daemon) without D-Bus; configured through
-- /var/lib/iwd/*.psk files.  The daemon goes to /usr/bin/iwd, where the
-- service config.lua renders for it finds it.
return {
  name = "eiwd",
  version = "1.6-1",
  description = "Wireless daemon (iwd without D-Bus)",
  license = "LGPL-2.1-or-later",
  homepage = "https://github.com/dylanaraps/eiwd",
  sources = {
    -- sha256 from Void Linux srcpkgs/eiwd/template (1.6r1).
    { url = "https://github.com/dylanaraps/eiwd/releases/download/1.6-1/eiwd-1.6-1.tar.xz",
      sha256 = "35e9938ccecad1a1336ee94d92ec5cfc2f059bd6d3b154034a450ac3385dbc19" },
  },
  build_style = "configure",
  -- The bundled ell; no D-Bus, no systemd units, no manual pages (rst2man).
  configure_args = {
    "--libexecdir=/usr/bin", "--disable-dbus", "--disable-systemd-service",
    "--disable-manual-pages", "--disable-external-ell", "--enable-wired",
  },
  post_install = [[
install -d -m 0700 "$DESTDIR/var/lib/iwd"
]],
}
