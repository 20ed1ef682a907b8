-- e2fsprogs: ext2/3/4 file system utilities (mke2fs, e2fsck, tune2fs, ...).
return {
  name = "e2fsprogs",
  version = "1.47.0",
  description = "ext2/ext3/ext4 file system utilities",
  license = "GPL-2.0-or-later AND LGPL-2.0-or-later AND BSD-3-Clause AND MIT",
  homepage = "https://e2fsprogs.sourceforge.net/",
  sources = {
    { url = "https://www.kernel.org/pub/linux/kernel/people/tytso/e2fsprogs/v1.47.0/e2fsprogs-1.47.0.tar.gz",
      sha256 = "6667afde56eef0c6af26684974400e4d2288ea49e9441bf5e6229195d51a3578" },
  },
  build_style = "configure",
  -- The programs are linked statically against e2fsprogs' own libraries
  -- (libext2fs, libe2p, libcom_err, libss; installed with their headers).
  -- libuuid/libblkid: e2fsprogs' private copies are linked in (the builder has
  -- no pkg-config to find util-linux's) and not installed (see the end); the
  -- blkid and fsck programs are util-linux's.  No fuse2fs, no uuidd (daemon).
  configure_args = {
    "--sbindir=/usr/bin", "--disable-rpath", "--disable-elf-shlibs",
    "--disable-bsd-shlibs", "--disable-fuse2fs", "--disable-uuidd", "--disable-fsck",
    "--enable-libuuid", "--enable-libblkid", "--disable-e2initrd-helper",
    "--without-libarchive", "--with-crond-dir=no", "--with-systemd-unit-dir=no",
    "--with-udev-rules-dir=no",
  },
  post_install = [[
# e2fsprogs' private libuuid/libblkid and their programs (blkid, findfs,
# uuidgen) are util-linux's job on this system: remove them so that the two
# packages do not ship the same files.  libext2fs, libe2p, libcom_err and libss
# (with headers) stay.
cd "$DESTDIR/usr"
rm -f bin/blkid bin/findfs bin/uuidgen lib/libuuid.a lib/libblkid.a \
  lib/pkgconfig/uuid.pc lib/pkgconfig/blkid.pc \
  share/man/man8/blkid.8 share/man/man8/findfs.8 share/man/man1/uuidgen.1 \
  share/man/man3/uuid*.3 share/man/man3/libblkid.3
rm -rf include/uuid include/blkid
]],
}
