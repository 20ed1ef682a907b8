-- vis: a vi-like editor with structural regular expressions, scripted in
-- Lua (syntax highlighting through lpeg).
return {
  name = "vis",
  version = "0.9",
  description = "Vi-like editor based on Plan 9's structural regular expressions",
  license = "ISC",
  homepage = "https://github.com/martanne/vis",
  sources = {
    -- sha256 from Homebrew's vis formula (Formula/v/vis.rb, 0.9).
    { url = "https://github.com/martanne/vis/archive/refs/tags/v0.9.tar.gz",
      file = "vis-0.9.tar.gz",
      sha256 = "bd37ffba5535e665c1e883c25ba5f4e3307569b6d392c60f3c7d5dedd2efcfca" },
  },
  build_deps = { "ncurses", "libtermkey", "lua", "lpeg" },
  deps = { "lpeg" },
  build_style = "configure",
  -- Hand-written configure; lpeg linked in statically (no Lua C modules can
  -- be loaded by a static binary).
  configure_args = {
    "--enable-curses", "--enable-lua", "--enable-lpeg-static", "--disable-selinux",
    "--disable-acl", "--disable-tre",
  },
}
