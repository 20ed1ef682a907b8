-- which: GNU which (finds commands on PATH, aliases and functions).
return {
  name = "which",
  version = "2.21",
  description = "Show the full path of commands",
  license = "GPL-3.0-or-later",
  homepage = "https://savannah.gnu.org/projects/which/",
  sources = {
    -- sha256 from Void Linux srcpkgs/which/template.
    { url = "https://ftp.gnu.org/gnu/which/which-2.21.tar.gz",
      sha256 = "f4a245b94124b377d8b49646bf421f9155d36aa7614b6ebf83705d3ffc76eaad" },
  },
  build_style = "configure",
  post_install = [[
rm -rf "$DESTDIR/usr/share/info"
]],
}
