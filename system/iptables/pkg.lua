-- iptables: legacy (x_tables) packet filter administration, static.
--
-- The nft-based variants need libmnl and libnftnl, which are not part of
-- this system; these are the legacy iptables/ip6tables with every extension
-- linked into one multi-call binary (no dlopen in a static system).
return {
  name = "iptables",
  version = "1.8.9",
  description = "Linux packet filter administration tools (legacy x_tables)",
  license = "GPL-2.0-or-later",
  homepage = "https://www.netfilter.org/projects/iptables/",
  sources = {
    { url = "https://www.netfilter.org/projects/iptables/files/iptables-1.8.9.tar.xz",
      sha256 = "ef6639a43be8325a4f8ea68123ffac236cb696e8c78501b64e8106afb008c87f" },
  },
  build_style = "configure",
  configure_args = {
    "--sbindir=/usr/bin", "--disable-nftables", "--disable-bpf-compiler",
    "--disable-nfsynproxy", "--disable-libipq", "--with-xtlibdir=/usr/lib/xtables",
  },
  -- libtool: -all-static (at make time) for fully static programs.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
}
