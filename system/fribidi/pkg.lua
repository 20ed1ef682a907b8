-- fribidi: Unicode bidirectional text (libass).
return {
  name = "fribidi",
  version = "1.0.16",
  description = "Unicode bidirectional algorithm",
  license = "LGPL-2.1-or-later",
  homepage = "https://github.com/fribidi/fribidi",
  sources = {
    -- sha256 from a vendoring script that pins the release tarball (fribidi-1.0.16.tar.xz).
    { url = "https://github.com/fribidi/fribidi/releases/download/v1.0.16/fribidi-1.0.16.tar.xz",
      sha256 = "1b1cde5b235d40479e91be2f0e88a309e3214c8ab470ec8a2744d82a5a9ea05c" },
  },
  build_style = "configure",
  -- libtool drops a plain -static when it links programs; -all-static keeps them static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  configure_args = { "--disable-docs" },
}
