-- nginx: HTTP server, reverse proxy and TCP/UDP stream proxy; TLS from
-- openssl.
return {
  name = "nginx",
  version = "1.31.3",
  description = "HTTP server and reverse proxy",
  license = "BSD-2-Clause",
  homepage = "https://nginx.org/",
  sources = {
    -- sha256 from Homebrew's nginx formula (Formula/n/nginx.rb).
    { url = "https://nginx.org/download/nginx-1.31.3.tar.gz",
      sha256 = "a7657c50811c2d92d9895395e8b873ef60398142c4db21eb647811c38f6dd525" },
  },
  build_deps = { "zlib", "openssl" },
  deps = { "certs" },
  build_style = "configure",
  -- Hand-written configure.  No PCRE in the system: the rewrite module and
  -- regex locations are left out.
  configure_args = {
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
  post_install = [[
install -d -m 0755 "$DESTDIR/var/log/nginx" "$DESTDIR/var/lib/nginx"
rm -rf "$DESTDIR/usr/html"
]],
}
