-- luajit: LuaJIT 2.1 (static library and luajit); mpv and neovim script
-- with it.
return {
  name = "luajit",
  version = "2.1.0-beta3-20230821.8",
  description = "Just-in-time compiler for Lua 5.1",
  license = "MIT",
  homepage = "https://luajit.org/",
  sources = {
    -- sha256 from Homebrew's luajit formula (Formula/l/luajit.rb, v2.1 branch snapshot).
    { url = "https://github.com/LuaJIT/LuaJIT/archive/54ef81f864e18729f6dafb6b1c9f9176fcb67bb5.tar.gz",
      file = "luajit-2.1.0-beta3-20230821.8.tar.gz",
      sha256 = "b14a7d2b2879cbcb7fcc911bf28ddeb0ce14131855afdd7df2f337e1b4c5eb20" },
  },
  build = [[
make -j"$JOBS" amalg PREFIX=/usr BUILDMODE=static CC="$CC" \
  CFLAGS="$CFLAGS" LDFLAGS="$LDFLAGS" TARGET_LDFLAGS="$LDFLAGS" XCFLAGS=-DLUAJIT_ENABLE_LUA52COMPAT
make install PREFIX=/usr DESTDIR="$DESTDIR"
# A rolling-release snapshot installs luajit-2.1.<n>; name the command too.
test -e "$DESTDIR/usr/bin/luajit" || ln -s "$(basename "$DESTDIR"/usr/bin/luajit-*)" "$DESTDIR/usr/bin/luajit"
rm -f "$DESTDIR"/usr/lib/*.so*
]],
}
