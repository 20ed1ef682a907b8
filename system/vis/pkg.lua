-- vis: a vi-like editor with structural regular expressions, scripted in
-- Lua (syntax highlighting through lpeg).
return {
  name = "vis",
  version = "0.8",
  description = "Vi-like editor based on Plan 9's structural regular expressions",
  license = "ISC",
  homepage = "https://github.com/martanne/vis",
  sources = {
    -- Mirror-only: Debian's .tar.xz of vis 0.8 (upstream's tag archive is .tar.gz) (orig tarball of Debian source package vis 0.8-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "vis_0.8.orig.tar.xz",
      sha256 = "f7d38faeb890a6ab1693c596f1a8ee965e20941f91876e568e41b1ff9766a00e" },
  },
  build_deps = { "ncurses", "libtermkey", "lua", "lpeg" },
  deps = { "lpeg" },
  build_style = "configure",
  -- vis's own configure compiles its checks with $CFLAGS alone: the sysroot's headers
  -- (curses.h, termkey.h, lua.h) come in through CPPFLAGS.
  pre_configure = [[
export CFLAGS="$CFLAGS $CPPFLAGS"
]],
  -- Hand-written configure; lpeg linked in statically (no Lua C modules can
  -- be loaded by a static binary).
  configure_args = {
    "--enable-curses", "--enable-lua", "--enable-lpeg-static", "--disable-selinux",
    "--disable-acl", "--disable-tre",
  },
}
