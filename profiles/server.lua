-- server: the base system plus the network daemons of the extra set.
-- Choose other extras in config.lua (`include = { "tmux" }`): an included
-- package brings its dependencies along.
return {
  description = "Base system + web, DNS, VPN and relay servers",
  extends = "base",
  packages = {
    "nginx", "darkhttpd", "unbound", "nsd", "wireguard-tools", "socat", "tmux",
  },
}
