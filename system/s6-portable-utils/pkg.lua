-- s6-portable-utils: small portable Unix utilities from skarnet.org, handy
-- in execline scripts (s6-echo, s6-sleep, s6-test, s6-cat, ...).
--
-- Version: the release whose sha256 could be recorded (Void Linux template).
-- skarnet.org packages are released in step with skalibs; this one may ask
-- for a different skalibs than system/skalibs (its INSTALL file says which),
-- and then the build fails on a missing skalibs interface: bump them together.
return {
  name = "s6-portable-utils",
  version = "2.2.2.2",
  description = "Portable small Unix utilities (s6-echo, s6-sleep, ...)",
  license = "ISC",
  homepage = "https://skarnet.org/software/s6-portable-utils/",
  sources = {
    -- sha256 from Void Linux srcpkgs/s6-portable-utils/template.
    { url = "https://skarnet.org/software/s6-portable-utils/s6-portable-utils-2.2.2.2.tar.gz",
      sha256 = "63df4ad24c126fd0f0006e90fd3135ff204eaa4f95a7c9e51ec91a82cf5074cc" },
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
