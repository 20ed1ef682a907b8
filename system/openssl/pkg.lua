-- openssl: TLS and crypto (libssl, libcrypto and the openssl command), static.
--
-- Stasis names libressl as its TLS stack, but no libressl release can be had
-- in this project's mirrors; OpenSSL 3.5 (a long-term-support series) is the
-- TLS library the packages that need one build against here.  The system's
-- trust store comes from certs (/etc/ssl/cert.pem).
return {
  name = "openssl",
  version = "3.5.7",
  description = "TLS/SSL and cryptography toolkit",
  license = "Apache-2.0",
  homepage = "https://www.openssl.org/",
  sources = {
    -- sha256 of the upstream release file as verified against Debian's source
    -- archive index (orig tarball of openssl 3.5.7-1~deb13u2).
    { url = "https://github.com/openssl/openssl/releases/download/openssl-3.5.7/openssl-3.5.7.tar.gz",
      sha256 = "a8c0d28a529ca480f9f36cf5792e2cd21984552a3c8e4aa11a24aa31aeac98e8" },
  },
  deps = { "certs" },
  build = [[
# The flags are compiled into the library and `openssl version -a`: without
# the build-time sysroot paths (openssl needs nothing from the sysroot).
# Configure also reads CPPFLAGS from the environment, where the farm puts the sysroot.
unset CPPFLAGS
cflags=$(printf '%s' "$CFLAGS" | sed "s| *-[IL]$SYSROOT[^ ]*||g")
ldflags=$(printf '%s' "$LDFLAGS" | sed "s| *-[IL]$SYSROOT[^ ]*||g")
# Configure would take LDFLAGS from the environment when the one given is empty.
unset LDFLAGS
# no-async: musl has no makecontext/swapcontext.  no-module: no dynamic
# providers on a static system (the legacy provider is built in).
# -static goes to make, not to Configure: Configure turns threads off when its
# LDFLAGS hold -static, and without OPENSSL_THREADS the library does no locking
# (python refuses it; unbound and nginx run threads).
./Configure linux-x86_64 --prefix=/usr --libdir=lib --openssldir=/etc/ssl \
  no-shared no-module no-async no-tests no-docs no-dso \
  CC="$CC" CFLAGS="$cflags" LDFLAGS="$(printf '%s' "$ldflags" | sed 's/ *-static//g')"
grep -q '^# *define OPENSSL_THREADS' include/openssl/configuration.h
make -j"$JOBS" LDFLAGS="$ldflags"
make install_sw install_ssldirs DESTDIR="$DESTDIR" LDFLAGS="$ldflags"
# The CA bundle is certs' file; openssl's samples would shadow it.
rm -rf "$DESTDIR/etc/ssl/certs" "$DESTDIR/etc/ssl/private" "$DESTDIR/etc/ssl/misc" \
  "$DESTDIR"/etc/ssl/*.dist "$DESTDIR/etc/ssl/ct_log_list.cnf"
# The perl helper script needs a perl the system does not have.
rm -f "$DESTDIR/usr/bin/c_rehash"
]],
}
