-- patch: GNU patch.
return {
  name = "patch",
  version = "2.7.6",
  description = "GNU patch, applies diff files to originals",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/patch/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/patch/patch-2.7.6.tar.xz",
      sha256 = "ac610bda97abe0d9f6b7c963255a11dcb196c25e337c61f94e4778d632f1d8fd" },
  },
  build_style = "configure",
  -- --disable-xattr: no libattr on this system.
  configure_args = { "--disable-xattr", "MAKEINFO=true" },
}
