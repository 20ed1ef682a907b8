-- diffutils: GNU diff, diff3, sdiff and cmp.
return {
  name = "diffutils",
  version = "3.8",
  description = "GNU file comparison utilities (diff, diff3, sdiff, cmp)",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/diffutils/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/diffutils/diffutils-3.8.tar.xz",
      sha256 = "a6bdd7d1b31266d11c4f4de6c1b748d4607ab0231af5188fc2533d0ae2438fec" },
  },
  build_style = "configure",
  configure_args = { "--disable-rpath", "MAKEINFO=true" },
  post_install = [[
rm -f "$DESTDIR/usr/share/info/dir"
]],
}
