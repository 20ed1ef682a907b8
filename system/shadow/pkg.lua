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
  },
  build_style = "configure",
  -- configure insists on -lcrypt: musl-crypt provides it (the dev builder's musl has no crypt).
  build_deps = farm.stage == "dev" and { "musl-crypt" } or {},
  pre_configure = [[
export CPPFLAGS="$CPPFLAGS -I$SYSROOT/usr/lib/musl-crypt/include" LDFLAGS="$LDFLAGS -L$SYSROOT/usr/lib/musl-crypt/lib"
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
# util-linux installs nologin too (the base profile has both): its copy is the one kept.
rm -f "$DESTDIR/usr/bin/nologin" "$DESTDIR/usr/share/man/man8/nologin.8"
]],
}
