-- m4: GNU macro processor.
return {
  name = "m4",
  version = "1.4.19",
  description = "GNU macro processor",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/m4/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/m4/m4-1.4.19.tar.xz",
      sha256 = "63aede5c6d33b6d9b13511cd0be2cac046f2e70fd0a07aa9573a04a82783af96" },
  },
  build_style = "configure",
  -- MAKEINFO=true: the release ships m4.info; no texinfo on the builder.
  configure_args = { "--disable-rpath", "MAKEINFO=true" },
  post_install = [[
rm -f "$DESTDIR/usr/share/info/dir"
]],
}
