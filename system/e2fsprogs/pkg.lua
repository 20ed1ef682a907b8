-- e2fsprogs: ext2/3/4 file system utilities (mke2fs, e2fsck, tune2fs, ...).
return {
  name = "e2fsprogs",
  version = "1.47.2",
  description = "ext2/ext3/ext4 file system utilities",
  license = "GPL-2.0-or-later AND LGPL-2.0-or-later AND BSD-3-Clause AND MIT",
  homepage = "https://e2fsprogs.sourceforge.net/",
  sources = {
    -- 1.47.2, not 1.47.0: its mke2fs -d takes SOURCE_DATE_EPOCH for every time it writes and
    -- adds a directory's files in name order, so `stasis-farm disk` makes the same bytes twice.
    -- sha256 of the file verified against Debian's source archive index (orig tarball of
    -- e2fsprogs 1.47.2-3: the upstream release file).
    { url = "https://www.kernel.org/pub/linux/kernel/people/tytso/e2fsprogs/v1.47.2/e2fsprogs-1.47.2.tar.gz",
      sha256 = "6dcd67ff9d8b13274ba3f088e4318be4f5b71412cd863524423fc49d39a6371f" },
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
