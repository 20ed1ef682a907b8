-- tmux: terminal multiplexer (libevent, ncurses).
return {
  name = "tmux",
  version = "3.3a",
  description = "Terminal multiplexer",
  license = "ISC",
  homepage = "https://github.com/tmux/tmux",
  sources = {
    -- sha256 from Homebrew's tmux formula (Formula/t/tmux.rb).
    { url = "https://github.com/tmux/tmux/releases/download/3.3a/tmux-3.3a.tar.gz",
      sha256 = "e4fd347843bd0772c4f48d6dde625b0b109b7a380ff15db21e97c11a4dcdf93f" },
    -- CVE-2022-47016 fix for 3.3a (Nix's backport), sha256 from the same formula.
    { url = "https://raw.githubusercontent.com/NixOS/nixpkgs/2821a121dc2acf2fe07d9636ee35ff61807087ea/pkgs/tools/misc/tmux/CVE-2022-47016.patch",
      sha256 = "c1284aace9231e736ace52333ec91726d3dfda58d3a3404b67c6f40bf5ed28a4", extract = false },
  },
  build_deps = { "libevent", "ncurses" },
  build_style = "configure",
  pre_configure = [[
patch -p1 < /build/src/CVE-2022-47016.patch
]],
  configure_args = { "--disable-utf8proc" },
}
