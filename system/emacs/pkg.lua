-- emacs: GNU Emacs for the terminal (ncurses), TLS through gnutls.
return {
  name = "emacs",
  version = "30.1",
  description = "The extensible, self-documenting text editor (terminal)",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/emacs/",
  sources = {
    -- Mirror-only: Debian's +1 repack of GNU Emacs 30.1 (non-free documentation removed) (orig tarball of Debian source package emacs 1:30.1+1-6+deb13u1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "emacs_30.1+1.orig.tar.xz",
      sha256 = "902fe6e82528f9bc89b0f57227488a08f5bc07126c2c47eb6b5e8a368582324c" },
  },
  build_deps = { "ncurses", "gnutls", "nettle", "gmp", "libtasn1", "zlib", "pkgconf", "autoconf" },
  build_style = "configure",
  pre_configure = [[
# Byte-compiled files and the dump record the directory they were compiled in: the tree is built
# where its lisp is installed (/usr/share/emacs/30.1 of the container), so they name that, not /build.
mkdir -p /usr/share/emacs && cp -a . /usr/share/emacs/30.1 && cd /usr/share/emacs/30.1
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# Static linking: gnutls's own libraries (nettle, hogweed, gmp, libtasn1) come
# from its .pc file's private part.
export PKG_CONFIG="pkg-config --static"
# Debian's repack leaves out the manuals under the GFDL (doc/emacs's Makefile.in,
# doc/lispref, doc/lispintro): configure is made not to ask for their Makefiles
# nor to run doc/emacs's Makefile for emacsver.texi.
sed -i -e 's| *doc/emacs/Makefile||g' -e 's| *doc/lispintro/Makefile||g' -e 's| *doc/lispref/Makefile||g' \
  -e '/AC_CONFIG_COMMANDS(\[doc\/emacs\/emacsver.texi\]/,/^  \])$/d' configure.ac
if grep -Eq 'doc/(emacs|lispref|lispintro)/Makefile|emacsver\.texi\]' configure.ac; then
  echo "configure.ac still asks for the removed manuals" >&2; exit 1
fi
# The repack also leaves out admin/unidata/IVD_Sequences.txt and the src/macuvs.h made from
# it, which only the macOS font code includes: unidata's `all` no longer asks for it.
sed -i 's|^all: ${top_srcdir}/src/macuvs.h |all: |' admin/unidata/Makefile.in
if grep -q '^all:.*macuvs' admin/unidata/Makefile.in; then echo "admin/unidata still makes macuvs.h" >&2; exit 1; fi
# system-configuration-options records configure's arguments only, not the farm's CFLAGS, CPPFLAGS
# and LDFLAGS from the environment (they name the build's sysroot).
sed -i 's|^for opt in "\$@" CFLAGS CPPFLAGS LDFLAGS; do$|for opt in "$@"; do|' configure.ac
grep -q '^for opt in "\$@"; do$' configure.ac || { echo "configure.ac: the options loop was not found" >&2; exit 1; }
# Debian's tarball has no generated ./configure: autogen.sh makes it (and aclocal.m4) with autoconf alone.
./autogen.sh autoconf
# Terminal only: no X, no sound, no image libraries, no native compilation.
# No manuals: there is no texinfo here and the repack has no prebuilt info
# files (post_install dropped them anyway).  configure accepts a tree without
# makeinfo when info/emacs exists, so an empty one stands in for it; make's
# INFOS= (below) leaves the manuals out of `all` and `install`.
mkdir -p info && : > info/emacs
# `all` also makes info/dir from the manuals' .texi files: with them left out of its inputs (make's
# srcdir_doc_info_dir_inputs=, below) build-aux/dir_top alone is the index, copied here so it is
# up to date (make-info-dir wants at least one manual).
cp build-aux/dir_top info/dir
]],
  configure_args = {
    "--libexecdir=/usr/libexec", "--without-all", "--without-x", "--without-ns",
    "--without-sound", "--with-gnutls", "--with-zlib", "--with-modules=no",
    "--without-native-compilation", "--with-dumping=pdumper", "--without-pop",
    "--with-file-notification=inotify", "--disable-build-details",
  },
  -- The dump records where the binary and native code will be (--bin-dest, --eln-dest, made of
  -- $(DESTDIR) and the install paths: DESTDIR= for the build) and exec-path from PATH (the
  -- builder's, without the sysroot: nothing the build runs comes from there after configure).
  make_build_args = { "INFOS=", "srcdir_doc_info_dir_inputs=", "DESTDIR=", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
  make_install_args = { "INFOS=", "srcdir_doc_info_dir_inputs=" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/applications" "$DESTDIR/usr/share/icons" \
  "$DESTDIR/usr/lib/systemd" "$DESTDIR/usr/share/metainfo"
# etc/compilation.txt is compilation-mode's sample of other tools' messages (one names a /build path).
rm -f "$DESTDIR/usr/share/emacs/30.1/etc/compilation.txt"
# ctags clashes with nothing here, but emacs' movemail is a setgid mail tool.
find "$DESTDIR" -type f -perm -2000 -exec chmod g-s {} +
]],
}
