-- s6-rc: the service manager on top of s6 (dependencies, oneshots, bundles).
-- s6-boot's rc.init compiles /etc/s6-rc/source with s6-rc-compile at boot.
--
-- 0.5.6.0 requires s6 2.13.1.0, execline 2.9.6.1 and skalibs 2.14.3.0, the
-- versions of those recipes.
return {
  name = "s6-rc",
  version = "0.5.6.0",
  description = "Service manager for s6-based systems",
  license = "ISC",
  homepage = "https://skarnet.org/software/s6-rc/",
  sources = {
    -- sha256 from Homebrew's s6-rc formula (Formula/s/s6-rc.rb at 0.5.6.0).
    { url = "https://skarnet.org/software/s6-rc/s6-rc-0.5.6.0.tar.gz",
      sha256 = "81277f6805e8d999ad295bf9140a909943b687ffcfb5aa3c4efd84b1a574586e" },
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
