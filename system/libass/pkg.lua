-- libass: subtitle rendering for mpv.
return {
  name = "libass",
  version = "0.17.1",
  description = "Subtitle renderer (ASS/SSA)",
  license = "ISC",
  homepage = "https://github.com/libass/libass",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of libass 1:0.17.1-1: the upstream release file, byte for byte).
    { url = "https://github.com/libass/libass/releases/download/0.17.1/libass-0.17.1.tar.gz",
      sha256 = "d653be97198a0543c69111122173c41a99e0b91426f9e17f06a858982c2fb03d" },
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
