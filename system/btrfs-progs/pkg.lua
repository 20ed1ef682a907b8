-- btrfs-progs: mkfs.btrfs, btrfs, btrfsck (static build targets).
return {
  name = "btrfs-progs",
  version = "6.14",
  description = "Btrfs filesystem utilities",
  license = "GPL-2.0-only",
  homepage = "https://btrfs.readthedocs.io/",
  sources = {
    -- Mirror-only: Debian's tarball of btrfs-progs 6.14 (.tar.gz; upstream's release file is .tar.xz) (orig tarball of Debian source package btrfs-progs 6.14-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "btrfs-progs_6.14.orig.tar.gz",
      sha256 = "5a85b791f0f32a4994e864ac4cb7abccce08e56db3010a1855ad0edeebc70b4c" },
  },
  build_deps = { "util-linux", "zlib", "pkgconf", "autoconf", "automake" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# Debian's tarball has no generated ./configure: make it as upstream's autogen.sh does.
./autogen.sh
]],
  configure_args = {
    "--disable-documentation", "--disable-python", "--disable-convert",
    "--disable-zstd", "--disable-lzo", "--disable-libudev", "--disable-backtrace",
  },
  -- Its Makefile compiles without CPPFLAGS (the sysroot's -I for uuid/blkid headers): EXTRA_CFLAGS carries them.
  make_build_args = { "EXTRA_CFLAGS=$CPPFLAGS" },
  make_install_args = { "EXTRA_CFLAGS=$CPPFLAGS" },
  make_build_target = "static",
  make_install_target = "install-static",
  post_install = [[
cd "$DESTDIR/usr/bin" && for f in *.static; do mv "$f" "${f%.static}"; done
# btrfsck is installed as a link to btrfs.static, which the renaming just removed.
ln -sfn btrfs btrfsck
]],
}
