-- acpid: ACPI event daemon.
return {
  name = "acpid",
  version = "2.0.34",
  description = "Daemon dispatching ACPI events to user-space programs",
  license = "GPL-2.0-or-later",
  homepage = "https://sourceforge.net/projects/acpid2/",
  sources = {
    { url = "https://downloads.sourceforge.net/project/acpid2/acpid-2.0.34.tar.xz",
      sha256 = "2d095c8cfcbc847caec746d62cdc8d0bff1ec1bc72ef7c674c721e04da6ab333" },
  },
  build_style = "configure",
  configure_args = { "--sbindir=/usr/bin" },
  post_install = [[
# Only ChangeLog/README/... would be installed here; keep the rootfs small.
rm -rf "$DESTDIR/usr/share/doc"
]],
}
