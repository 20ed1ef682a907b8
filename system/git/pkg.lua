-- git: distributed version control; https remotes through curl, TLS from
-- openssl, trust from certs.  No expat: only WebDAV push (http-push) needs it.
return {
  name = "git",
  version = "2.47.3",
  description = "Distributed version control system",
  license = "GPL-2.0-only",
  homepage = "https://git-scm.com/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of git 1:2.47.3-0+deb13u1: the upstream release file, byte for byte).
    { url = "https://mirrors.edge.kernel.org/pub/software/scm/git/git-2.47.3.tar.xz",
      sha256 = "9c2eb1250781b3e5bfef098572d07fdf132d67e6c065e4307332ade9819a1501" },
  },
  build_deps = { "zlib", "curl", "openssl" },
  deps = { "certs" },
  build = [[
# No perl, python, Tcl/Tk or gettext on the target: the C core only.
# curl is static, so its own dependencies are named explicitly.
cat > config.mak <<MAK
prefix = /usr
gitexecdir = /usr/libexec/git-core
CC = $CC
CFLAGS = $CFLAGS $CPPFLAGS
LDFLAGS = $LDFLAGS
CURL_LDFLAGS = -lcurl -lssl -lcrypto -lz
NO_EXPAT = YesPlease
NO_PERL = YesPlease
NO_PYTHON = YesPlease
NO_TCLTK = YesPlease
NO_GETTEXT = YesPlease
NO_REGEX = YesPlease
ICONV_OMITS_BOM = Yes
NO_INSTALL_HARDLINKS = YesPlease
INSTALL_SYMLINKS = YesPlease
MAK
make -j"$JOBS" all
make install DESTDIR="$DESTDIR"
rm -rf "$DESTDIR/usr/share/perl5" "$DESTDIR/usr/share/gitweb"
]],
}
