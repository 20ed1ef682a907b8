-- util-linux: mount, fdisk, blkid, lsblk, ... and libblkid/libmount/libuuid.
return {
  name = "util-linux",
  version = "2.38.1",
  description = "Miscellaneous Linux system utilities (mount, fdisk, lsblk, ...)",
  license = "GPL-2.0-or-later AND LGPL-2.1-or-later AND BSD-3-Clause",
  homepage = "https://github.com/util-linux/util-linux",
  sources = {
    { url = "https://www.kernel.org/pub/linux/utils/util-linux/v2.38/util-linux-2.38.1.tar.xz",
      sha256 = "60492a19b44e6cf9a3ddff68325b333b8b52b6c59ce3ebd6a0ecaa4c5117e84f" },
  },
  build = [[
# No PAM on this system: login, su, runuser, chfn/chsh are left out (the
# system's login comes from elsewhere).  kill comes from procps-ng.  No
# systemd/udev/python/ncurses/readline.  The manual pages are shipped
# pre-generated (no asciidoctor).  Install without chown/setuid: the rootfs
# assembly sets ownership and modes.
./configure --prefix=/usr --bindir=/usr/bin --sbindir=/usr/bin \
  --libdir=/usr/lib --localstatedir=/var --runstatedir=/run \
  --disable-shared --enable-static --disable-nls --disable-rpath \
  --disable-asciidoc --disable-poman \
  --disable-login --disable-su --disable-runuser --disable-chfn-chsh \
  --disable-kill --disable-pylibmount --disable-makeinstall-chown \
  --disable-makeinstall-setuid --disable-use-tty-group --disable-liblastlog2 \
  --without-python --without-systemd --without-udev --without-ncursesw \
  --without-ncurses --without-tinfo --without-readline --without-libz \
  --without-cap-ng --without-user --without-btrfs --without-econf \
  --without-selinux --without-audit --without-utempter
# configure asks the builder's compiler for its multiarch triplet (Debian's
# x86_64-linux-gnu) and bakes /usr/lib/<triplet> into whereis' search list;
# a Stasis system has no such directories.
sed -i '/MULTIARCHTRIPLET/d' config.h
if grep -q x86_64-linux-gnu config.h; then exit 1; fi
# libtool: -all-static (at make time) for fully static programs.
make -j"$JOBS" LDFLAGS="$LDFLAGS -all-static"
make install DESTDIR="$DESTDIR"
rm -f "$DESTDIR"/usr/lib/*.la
rm -rf "$DESTDIR/usr/share/doc"
]],
}
