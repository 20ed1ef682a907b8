-- btrfs-progs: mkfs.btrfs, btrfs, btrfsck (static build targets).
return {
  name = "btrfs-progs",
  version = "6.15",
  description = "Btrfs filesystem utilities",
  license = "GPL-2.0-only",
  homepage = "https://btrfs.readthedocs.io/",
  sources = {
    -- sha256 from a public static-build recipe pinning btrfs-progs-v6.15.tar.xz.
    { url = "https://www.kernel.org/pub/linux/kernel/people/kdave/btrfs-progs/btrfs-progs-v6.15.tar.xz",
      sha256 = "57da428dd2199fd88d83ecf1cad05678ce78640ef7e52d7633be9887cef674bb" },
  },
  build_deps = { "util-linux", "zlib", "pkgconf" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
]],
  configure_args = {
    "--disable-documentation", "--disable-python", "--disable-convert",
    "--disable-zstd", "--disable-lzo", "--disable-libudev", "--disable-backtrace",
  },
  make_build_target = "static",
  make_install_target = "install-static",
  post_install = [[
cd "$DESTDIR/usr/bin" && for f in *.static; do mv "$f" "${f%.static}"; done
]],
}
