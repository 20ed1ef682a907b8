-- libevent: asynchronous event notification (tmux, nsd).
return {
  name = "libevent",
  version = "2.1.12",
  description = "Event notification library",
  license = "BSD-3-Clause",
  homepage = "https://libevent.org/",
  sources = {
    -- sha256 from a Nix fetchurl of the release tarball (libevent-2.1.12-stable.tar.gz).
    { url = "https://github.com/libevent/libevent/releases/download/release-2.1.12-stable/libevent-2.1.12-stable.tar.gz",
      sha256 = "92e6de1be9ec176428fd2367677e61ceffc2ee1cb119035037a27d346b0403bb" },
  },
  build_deps = { "openssl" },
  build_style = "configure",
  configure_args = { "--disable-samples", "--disable-libevent-regress", "--disable-debug-mode" },
  post_install = [[
rm -f "$DESTDIR"/usr/lib/*.la "$DESTDIR/usr/bin/event_rpcgen.py"
# configure found openssl in the build's sysroot; the installed system has it in /usr.
sed -i "s| *-[IL]$SYSROOT[^ ]*||g" "$DESTDIR"/usr/lib/pkgconfig/*.pc
if grep -l "$SYSROOT" "$DESTDIR"/usr/lib/pkgconfig/*.pc; then echo "sysroot path left in a .pc file" >&2; exit 1; fi
]],
}
