-- gnugrep: GNU grep (the package is named gnugrep so that it does not clash
-- with busybox's grep applet in package names).
return {
  name = "gnugrep",
  version = "3.8",
  description = "GNU grep, egrep and fgrep",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/grep/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/grep/grep-3.8.tar.xz",
      sha256 = "498d7cc1b4fb081904d87343febb73475cf771e424fb7e6141aff66013abc382" },
  },
  build_style = "configure",
  -- No PCRE on this system: -P is disabled.
  configure_args = { "--disable-rpath", "--disable-perl-regexp", "MAKEINFO=true" },
  post_install = [[rm -f "$DESTDIR/usr/share/info/dir"]],
}
