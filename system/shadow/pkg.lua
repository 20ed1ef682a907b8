-- shadow: login, passwd, su, useradd and friends, /etc/shadow handling.
-- No PAM on Stasis, and nothing is installed setuid: passwd/su are for
-- root (a build farm's release has no root password; the operator sets it).
return {
  name = "shadow",
  version = "4.17.4",
  description = "Password and account management tools",
  license = "BSD-3-Clause",
  homepage = "https://github.com/shadow-maint/shadow",
  sources = {
    -- sha256 from ReproOS's shadow-utils recipe (computed over the release tarball it vendors).
    { url = "https://github.com/shadow-maint/shadow/releases/download/4.17.4/shadow-4.17.4.tar.xz",
      sha256 = "554801054694ff7d8a7abdf0d6ece34e2f16e111673cc01b8c9ee1278451181e" },
    -- crypt() for the dev builder, whose C library (Debian's musl) leaves it out: compiled
    -- from the crypt sources of musl 1.2.5, the release musl-cross-make carries (see pre_configure).
    { url = "https://musl.libc.org/releases/musl-1.2.5.tar.gz",
      sha256 = "a9a118bbe84d8764da0ea0d28b3ab3fae8477fc7e4085d90102b8596fc7c75e4" },
  },
  build_style = "configure",
  pre_configure = [[
# configure insists on -lcrypt.  Stasis's musl has crypt() in libc.a (and an
# empty libcrypt.a); the dev builder's musl (Debian's) has no crypt at all, so
# there libcrypt.a and crypt.h are made from musl 1.2.5's crypt sources.
mkdir -p stasis-lib/include
if printf 'char *crypt();int main(){return crypt("k","ab")==0;}' | $CC $CFLAGS -x c - -o stasis-lib/probe $LDFLAGS 2>/dev/null; then
  ar rc stasis-lib/libcrypt.a
else
  m=/build/src/musl-1.2.5
  for f in "$m"/src/crypt/*.c; do
    $CC $CFLAGS -I"$m/src/include" -c "$f" -o "stasis-lib/$(basename "$f" .c).o"
  done
  ar rc stasis-lib/libcrypt.a stasis-lib/*.o
  cp "$m/include/crypt.h" stasis-lib/include/
fi
export LDFLAGS="$LDFLAGS -L$PWD/stasis-lib" CPPFLAGS="$CPPFLAGS -I$PWD/stasis-lib/include"
]],
  configure_args = {
    "--bindir=/usr/bin", "--sbindir=/usr/bin", "--without-libpam", "--without-audit",
    "--without-selinux", "--without-acl", "--without-attr", "--without-libbsd",
    "--without-nscd", "--without-sssd", "--without-group-name-max-length",
    "--with-sha-crypt", "--without-su", "--disable-account-tools-setuid",
    "--disable-subordinate-ids",
  },
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  make_install_args = { "suidusbins=", "suidbins=", "suidubins=" },
  post_install = [[
# Drop any setuid bit that slipped through (the audit refuses them).
find "$DESTDIR" -type f -perm -4000 -exec chmod u-s {} +
find "$DESTDIR" -type f -perm -2000 -exec chmod g-s {} +
rm -rf "$DESTDIR/usr/lib" "$DESTDIR/usr/include" "$DESTDIR/usr/share/man/"[a-z][a-z]* \
  "$DESTDIR/usr/share/man/"[a-z][a-z]_* 2>/dev/null || true
]],
}
