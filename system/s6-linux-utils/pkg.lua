-- s6-linux-utils: small Linux system utilities from skarnet.org
-- (s6-mount, s6-hostname, s6-chroot, s6-freeramdisk, s6-pivotchroot, ...).
--
-- Version: the release whose sha256 could be recorded (Void Linux template).
-- skarnet.org packages are released in step with skalibs; this one may ask
-- for a different skalibs than system/skalibs (its INSTALL file says which),
-- and then the build fails on a missing skalibs interface: bump them together.
return {
  name = "s6-linux-utils",
  version = "2.5.0.0",
  description = "Linux-specific system utilities (mount, chroot, hostname, ...)",
  license = "ISC",
  homepage = "https://skarnet.org/software/s6-linux-utils/",
  sources = {
    -- sha256 from Void Linux srcpkgs/s6-linux-utils/template.
    { url = "https://skarnet.org/software/s6-linux-utils/s6-linux-utils-2.5.0.0.tar.gz",
      sha256 = "78571574464c76fc623ef50dc14800138b4fd98c5fa877af6850fdd9c2f90213" },
  },
  build_deps = { "skalibs" },
  build = [[
./configure --prefix=/usr --libdir=/usr/lib --includedir=/usr/include \
  --libexecdir=/usr/libexec \
  --with-sysdeps="$SYSROOT/usr/lib/skalibs/sysdeps" \
  --with-include="$SYSROOT/usr/include" --with-lib="$SYSROOT/usr/lib" \
  --disable-shared --enable-static --enable-static-libc
make -j"$JOBS"
make install DESTDIR="$DESTDIR"
]],
}
