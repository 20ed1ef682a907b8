-- gnutls: TLS library (ffmpeg's https and tls protocols, emacs).
return {
  name = "gnutls",
  version = "3.8.9",
  description = "GNU TLS library",
  license = "LGPL-2.1-or-later",
  homepage = "https://www.gnutls.org/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of gnutls28 3.8.9-3+deb13u4: the upstream release file, byte for byte).
    { url = "https://www.gnupg.org/ftp/gcrypt/gnutls/v3.8/gnutls-3.8.9.tar.xz",
      sha256 = "69e113d802d1670c4d5ac1b99040b1f2d5c7c05daec5003813c049b5184820ed" },
  },
  build_deps = { "nettle", "gmp", "libtasn1", "zlib", "pkgconf" },
  deps = { "certs" },
  build_style = "configure",
  pre_configure = [[
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
]],
  configure_args = {
    "--disable-doc", "--disable-tests", "--disable-cxx", "--with-included-unistring",
    "--without-p11-kit", "--without-tpm", "--without-tpm2", "--without-idn",
    "--disable-guile", "--with-default-trust-store-file=/etc/ssl/cert.pem",
  },
  -- libtool drops -static when it links a program (it reads it as "prefer
  -- static libtool libraries"); -all-static links the programs fully static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  post_install = [[
rm -f "$DESTDIR"/usr/lib/*.la; rm -rf "$DESTDIR/usr/share/info"
# libgnutls.a carries gnutls's own copy of gnulib (members libgnu_la-*.o) under plain
# global names (hash_lookup, hash_string, ...) that clash with a program's own when it
# links gnutls statically (emacs's fns.c): they move to gnutls's namespace, in their
# definitions and in gnutls's references alike.
cd "$DESTDIR/usr/lib"
nm -A -g --defined-only libgnutls.a | awk -F'[: ]+' '$2 ~ /^libgnu_la-/ && $NF !~ /^_?gnutls/ { print $NF, "_gnutls_gl_" $NF }' | sort -u > /tmp/gnulib.syms
test -s /tmp/gnulib.syms
objcopy -D --redefine-syms=/tmp/gnulib.syms libgnutls.a
if nm -g --defined-only libgnutls.a | grep -qw 'T hash_lookup'; then echo "libgnutls.a still defines hash_lookup" >&2; exit 1; fi
]],
}
