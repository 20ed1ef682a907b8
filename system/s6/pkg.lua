-- s6: process supervision (s6-svscan, s6-supervise, s6-log, ...) and the
-- fd-holding / notification tools s6-rc and s6-linux-init are built on.
--
-- 2.13.1.0 is the release that pairs with execline 2.9.6.1 and skalibs
-- 2.14.3.0 (the mirror's execline); its INSTALL names both.
return {
  name = "s6",
  version = "2.13.1.0",
  description = "skarnet.org process supervision suite",
  license = "ISC",
  homepage = "https://skarnet.org/software/s6/",
  sources = {
    -- sha256 from Homebrew's s6 formula (Formula/s/s6.rb at 2.13.1.0).
    { url = "https://skarnet.org/software/s6/s6-2.13.1.0.tar.gz",
      sha256 = "bf0614cf52957cb0af04c7b02d10ebd6c5e023c9d46335cbf75484eed3e2ce7e" },
  },
  build_deps = { "skalibs", "execline" },
  -- s6-svscan runs execline scripts (.s6-svscan/finish, run files).
  deps = { "execline" },
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
