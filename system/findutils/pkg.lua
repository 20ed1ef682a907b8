-- findutils: GNU find, xargs, locate and updatedb.
return {
  name = "findutils",
  version = "4.9.0",
  description = "GNU find, xargs, locate and updatedb",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/findutils/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/findutils/findutils-4.9.0.tar.xz",
      sha256 = "a2bfb8c09d436770edc59f50fa483e785b161a3b7b9d547573cb08065fd462fe" },
  },
  build_style = "configure",
  -- The locate database lives in /var/lib/locate.
  configure_args = {
    "--localstatedir=/var/lib/locate", "--disable-rpath", "--without-selinux",
    "MAKEINFO=true",
  },
  post_install = [[
rm -f "$DESTDIR/usr/share/info/dir"
]],
}
