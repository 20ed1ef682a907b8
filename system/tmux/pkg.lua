-- tmux: terminal multiplexer (libevent, ncurses).
return {
  name = "tmux",
  version = "3.5a",
  description = "Terminal multiplexer",
  license = "ISC",
  homepage = "https://github.com/tmux/tmux",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of tmux 3.5a-3: the upstream release file, byte for byte). 3.5a includes the CVE-2022-47016 fix.
    { url = "https://github.com/tmux/tmux/releases/download/3.5a/tmux-3.5a.tar.gz",
      sha256 = "16216bd0877170dfcc64157085ba9013610b12b082548c7c9542cc0103198951" },
  },
  -- bison: tmux's configure wants a yacc for its command grammar (cmd-parse.y).
  build_deps = { "libevent", "ncurses", "bison" },
  build_style = "configure",
  configure_args = { "--disable-utf8proc" },
}
