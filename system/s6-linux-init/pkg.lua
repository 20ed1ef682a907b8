-- s6-linux-init: /sbin/init for an s6 system (s6-linux-init-maker writes the
-- boot directory; s6-boot runs it).
--
-- Version: the release whose sha256 could be recorded (Void Linux template).
-- skarnet.org packages are released in step with skalibs; this one may ask
-- for a different skalibs than system/skalibs (its INSTALL file says which),
-- and then the build fails on a missing skalibs interface: bump them together.
return {
  name = "s6-linux-init",
  version = "1.2.0.1",
  description = "Tools to make s6-svscan run as process 1",
  license = "ISC",
  homepage = "https://skarnet.org/software/s6-linux-init/",
  sources = {
    -- sha256 from Void Linux srcpkgs/s6-linux-init/template.
    { url = "https://skarnet.org/software/s6-linux-init/s6-linux-init-1.2.0.1.tar.gz",
      sha256 = "72d59b13683d1390f7df9a286be467e73293416021af9fa1023c9293ec5c7d7c" },
  },
  build_deps = { "skalibs", "execline", "s6" },
  deps = { "s6", "execline" },
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
