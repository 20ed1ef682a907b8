-- gtar: GNU tar (installed as tar, plus gtar).
return {
  name = "gtar",
  version = "1.32",
  description = "GNU tape archiver",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/tar/",
  sources = {
    -- sha256 from Void Linux srcpkgs/tar/template.
    { url = "https://ftp.gnu.org/gnu/tar/tar-1.32.tar.xz",
      sha256 = "d0d3ae07f103323be809bc3eac0dcc386d52c5262499fe05511ac4788af1fdd8" },
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
