-- ed: GNU ed, the standard line editor (the source is .tar.lz: lzip unpacks
-- it, from the sysroot).
return {
  name = "ed",
  version = "1.19",
  description = "GNU line-oriented text editor",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/ed/",
  sources = {
    -- Mirror-only: Debian's .tar.gz of GNU ed 1.19 (upstream ships .tar.lz) (orig tarball of Debian source package ed 1.19-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "ed_1.19.orig.tar.gz",
      sha256 = "8e5c3e7c84972e73957ff396b8318a21795f86547dd1fe4ec4232a9e6e44ca1d" },
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
