-- wireguard-tools: wg and wg-quick for the kernel's WireGuard.
return {
  name = "wireguard-tools",
  version = "1.0.20250521",
  description = "WireGuard configuration tools (wg, wg-quick)",
  license = "GPL-2.0-only",
  homepage = "https://www.wireguard.com/",
  sources = {
    -- sha256 from Homebrew's wireguard-tools formula (wireguard-tools-1.0.20250521.tar.xz).
    { url = "https://git.zx2c4.com/wireguard-tools/snapshot/wireguard-tools-1.0.20250521.tar.xz",
      sha256 = "b6f2628b85b1b23cc06517ec9c74f82d52c4cdbd020f3dd2f00c972a1782950e" },
  },
  deps = { "bash", "iproute2" },
  build = [[
# wg-quick is a bash script driving ip(8): bash and iproute2 at run time.
make -C src -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS"
make -C src install DESTDIR="$DESTDIR" PREFIX=/usr \
  WITH_WGQUICK=yes WITH_SYSTEMDUNITS=no WITH_BASHCOMPLETION=no
]],
}
