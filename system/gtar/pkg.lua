-- gtar: GNU tar (installed as tar, plus gtar).
return {
  name = "gtar",
  version = "1.35",
  description = "GNU tape archiver",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/tar/",
  sources = {
    -- Mirror-only: Debian's +dfsg repack of GNU tar 1.35 (orig tarball of Debian source package tar 1.35+dfsg-3.1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "tar_1.35+dfsg.orig.tar.xz",
      sha256 = "9ae57e981c1e73c0eebc2b26c9b0c4497fe310ef1d516ea430efb5470b71f7a8" },
  },
  build = [[
# Builds run as root in the container; tar's configure refuses that unless
# told it is fine.
FORCE_UNSAFE_CONFIGURE=1 ./configure --prefix=/usr --libexecdir=/usr/libexec \
  --disable-nls --without-selinux --disable-acl
make -j"$JOBS"
make install DESTDIR="$DESTDIR"
ln -s tar "$DESTDIR/usr/bin/gtar"
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/libexec/rmt"
]],
}
