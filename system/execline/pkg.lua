-- execline: a non-interactive scripting language without a shell.
--
-- Source: Debian's execline_2.9.6.1.orig.tar.gz, which equals the git tag
-- archive for v2.9.6.1 (not skarnet.org's release tarball); the URL is
-- Debian's and the sha256 that of this file.
--
-- execline 2.9.6.1 requires skalibs >= 2.14.3.0 (its INSTALL file).
return {
  name = "execline",
  version = "2.9.6.1",
  description = "Small scripting language for chain-loading programs",
  license = "ISC",
  homepage = "https://skarnet.org/software/execline/",
  sources = {
    -- Debian's orig tarball (= the git tag archive, see above).
    { url = "https://deb.debian.org/debian/pool/main/e/execline/execline_2.9.6.1.orig.tar.gz",
      file = "execline_2.9.6.1.orig.tar.gz",
      sha256 = "e718d73a0fa667f270763776a58213a027cb85dd5db9ad8331fa62b123911b29" },
  },
  build_deps = { "skalibs" },
  build = [[
# skalibs' headers, static library and sysdeps come from the sysroot.
# --enable-static-libc: fully static programs.
./configure --prefix=/usr --libdir=/usr/lib --includedir=/usr/include \
  --with-sysdeps="$SYSROOT/usr/lib/skalibs/sysdeps" \
  --with-include="$SYSROOT/usr/include" --with-lib="$SYSROOT/usr/lib" \
  --disable-shared --enable-static --enable-static-libc
make -j"$JOBS"
make install DESTDIR="$DESTDIR"
]],
}
