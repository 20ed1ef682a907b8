-- nginx: HTTP server, reverse proxy and TCP/UDP stream proxy; TLS from
-- openssl.
return {
  name = "nginx",
  version = "1.26.3",
  description = "HTTP server and reverse proxy",
  license = "BSD-2-Clause",
  homepage = "https://nginx.org/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of nginx 1.26.3-3+deb13u10: the upstream release file, byte for byte).
    { url = "https://nginx.org/download/nginx-1.26.3.tar.gz",
      sha256 = "69ee2b237744036e61d24b836668aad3040dda461fe6f570f1787eab570c75aa" },
  },
  -- crypt() and crypt.h (auth_basic; nginx includes crypt.h on Linux whatever its
  -- modules) from musl-crypt: the dev builder's musl has neither.
  build_deps = { "zlib", "openssl", farm.stage == "dev" and "musl-crypt" or nil },
  deps = { "certs" },
  build_style = "configure",
  -- Hand-written configure (not autoconf's: it refuses --sysconfdir and the other
  -- default arguments).  No PCRE in the system: the rewrite module and regex
  -- locations are left out.
  configure_defaults = false,
  pre_configure = [[
export CPPFLAGS="$CPPFLAGS -I$SYSROOT/usr/lib/musl-crypt/include" LDFLAGS="$LDFLAGS -L$SYSROOT/usr/lib/musl-crypt/lib"
]],
  configure_args = {
    "--prefix=/usr",
    "--sbin-path=/usr/bin/nginx", "--conf-path=/etc/nginx/nginx.conf",
    "--pid-path=/run/nginx.pid", "--lock-path=/run/nginx.lock",
    "--error-log-path=stderr", "--http-log-path=/var/log/nginx/access.log",
    "--http-client-body-temp-path=/var/lib/nginx/client-body",
    "--http-proxy-temp-path=/var/lib/nginx/proxy",
    "--http-fastcgi-temp-path=/var/lib/nginx/fastcgi",
    "--http-uwsgi-temp-path=/var/lib/nginx/uwsgi",
    "--http-scgi-temp-path=/var/lib/nginx/scgi", "--user=nobody", "--group=nogroup",
    "--with-cc=$CC", "--with-cc-opt=$CFLAGS $CPPFLAGS", "--with-ld-opt=$LDFLAGS",
    "--with-http_ssl_module", "--with-http_v2_module", "--with-http_gzip_static_module",
    "--with-stream", "--with-stream_ssl_module", "--with-threads",
    "--without-http_rewrite_module", "--without-pcre",
  },
  -- `nginx -V` prints the configure line, which names the build's sysroot
  -- (-I/-L flags): the paths it means are /usr's on the installed system.
  post_configure = [[
sed -i "/NGX_CONFIGURE/s|$SYSROOT||g" objs/ngx_auto_config.h
if grep -q "$SYSROOT" objs/ngx_auto_config.h; then echo "nginx: the configure line still names $SYSROOT" >&2; exit 1; fi
]],
  post_install = [[
install -d -m 0755 "$DESTDIR/var/log/nginx" "$DESTDIR/var/lib/nginx"
rm -rf "$DESTDIR/usr/html"
]],
}
