-- libass: subtitle rendering for mpv.
return {
  name = "libass",
  version = "0.17.3",
  description = "Subtitle renderer (ASS/SSA)",
  license = "ISC",
  homepage = "https://github.com/libass/libass",
  sources = {
    -- sha256 from Homebrew's libass formula (libass-0.17.3.tar.xz).
    { url = "https://github.com/libass/libass/releases/download/0.17.3/libass-0.17.3.tar.xz",
      sha256 = "eae425da50f0015c21f7b3a9c7262a910f0218af469e22e2931462fed3c50959" },
  },
  build_deps = { "freetype", "fribidi", "harfbuzz", "nasm", "pkgconf", "zlib", "bzip2" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# No fontconfig on Stasis: fonts come embedded in the media or from mpv's
# --sub-fonts-dir.
]],
  configure_args = {
    "--disable-fontconfig", "--disable-require-system-font-provider", "--enable-asm",
  },
}
