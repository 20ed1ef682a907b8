-- mdevd: the device manager: reads kernel uevents from a netlink socket and
-- applies /etc/mdev.conf (busybox mdev syntax).  No udev on Stasis.  The
-- service is rendered by the farm (config.lua services = { "mdevd" }).
--
-- Version: the release whose sha256 could be recorded (Void Linux template).
-- skarnet.org packages are released in step with skalibs; this one may ask
-- for a different skalibs than system/skalibs (its INSTALL file says which),
-- and then the build fails on a missing skalibs interface: bump them together.
return {
  name = "mdevd",
  version = "0.1.6.3",
  description = "Kernel uevent manager (mdev-compatible, daemon)",
  license = "ISC",
  homepage = "https://skarnet.org/software/mdevd/",
  sources = {
    -- sha256 from Void Linux srcpkgs/mdevd/template.
    { url = "https://skarnet.org/software/mdevd/mdevd-0.1.6.3.tar.gz",
      sha256 = "f6ecf0ef7cd48d04efc75acb2dad967d850bc8815bdb0098f1c9ef043394d430" },
  },
  files = { "mdev.conf" },
  build_deps = { "skalibs" },
  build = [[
./configure --prefix=/usr --libdir=/usr/lib --includedir=/usr/include \
  --libexecdir=/usr/libexec \
  --with-sysdeps="$SYSROOT/usr/lib/skalibs/sysdeps" \
  --with-include="$SYSROOT/usr/include" --with-lib="$SYSROOT/usr/lib" \
  --disable-shared --enable-static --enable-static-libc
make -j"$JOBS"
make install DESTDIR="$DESTDIR"
install -D -m 0644 /build/files/mdev.conf "$DESTDIR/etc/mdev.conf"
]],
}
