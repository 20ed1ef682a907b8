-- ed: GNU ed, the standard line editor (the source is .tar.lz: lzip unpacks
-- it, from the sysroot).
return {
  name = "ed",
  version = "1.16",
  description = "GNU line-oriented text editor",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/ed/",
  sources = {
    -- sha256 from Void Linux srcpkgs/ed/template.
    { url = "https://ftp.gnu.org/gnu/ed/ed-1.16.tar.lz",
      sha256 = "cfc07a14ab048a758473ce222e784fbf031485bcd54a76f74acfee1f390d8b2c", extract = false },
  },
  build_deps = { "lzip" },
  build = [[
lzip -dc /build/src/ed-*.tar.lz | tar -xf -
cd ed-*/
./configure --prefix=/usr CC="$CC" CFLAGS="$CFLAGS" LDFLAGS="$LDFLAGS"
make -j"$JOBS"
make install DESTDIR="$DESTDIR"
rm -rf "$DESTDIR/usr/share/info"
]],
}
