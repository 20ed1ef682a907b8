-- git: distributed version control; https remotes through curl, TLS from
-- openssl, trust from certs.  No expat: only WebDAV push (http-push) needs it.
return {
  name = "git",
  version = "2.54.0",
  description = "Distributed version control system",
  license = "GPL-2.0-only",
  homepage = "https://git-scm.com/",
  sources = {
    -- sha256 from Homebrew's git formula (Formula/g/git.rb, 2.54.0).
    { url = "https://mirrors.edge.kernel.org/pub/software/scm/git/git-2.54.0.tar.xz",
      sha256 = "f689162364c10de79ef89aa8dbf48731eb057e34edbbd20aca510ce0154681a3" },
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
