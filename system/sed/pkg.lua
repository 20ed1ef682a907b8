-- sed: GNU stream editor.
return {
  name = "sed",
  version = "4.9",
  description = "GNU stream editor",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/sed/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/sed/sed-4.9.tar.xz",
      sha256 = "6e226b732e1cd739464ad6862bd1a1aba42d7982922da7a53519631d24975181" },
  },
  build_style = "configure",
  -- MAKEINFO=true: the release ships sed.info; no texinfo on the builder.
  configure_args = { "--disable-rpath", "--disable-acl", "--without-selinux", "MAKEINFO=true" },
  post_install = [[rm -f "$DESTDIR/usr/share/info/dir"]],
}
