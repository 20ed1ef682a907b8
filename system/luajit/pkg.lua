-- luajit: LuaJIT 2.1 (static library and luajit); mpv and neovim script
-- with it.
return {
  name = "luajit",
  version = "2.1.0-beta3-20220320",
  description = "Just-in-time compiler for Lua 5.1",
  license = "MIT",
  homepage = "https://luajit.org/",
  sources = {
    -- Mirror-only: Debian's +dfsg repack of a LuaJIT v2.1 git snapshot (2022-03-20) (orig tarball of Debian source package luajit 2.1.0~beta3+git20220320+dfsg-4.1+deb12u1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    -- (Debian names it with "~beta3"; a file name here has no "~".)  No top directory: the build runs in /build/src.
    { file = "luajit_2.1.0-beta3+git20220320+dfsg.orig.tar.gz",
      sha256 = "b4d18d2c5e663682bc7f473797e3ceaca8193e112824a5bdfa3e468d98618678" },
  },
  build = [[
# LUAJIT_NO_UNWIND: errors are thrown by LuaJIT's own unwinder, not through
# libgcc's (the dev builder's libgcc_eh.a calls glibc's _dl_find_object, which
# musl has not, and Stasis links no C++ runtime into luajit anyway).
make -j"$JOBS" amalg PREFIX=/usr BUILDMODE=static CC="$CC" \
  CFLAGS="$CFLAGS" LDFLAGS="$LDFLAGS" TARGET_LDFLAGS="$LDFLAGS" \
  XCFLAGS="-DLUAJIT_ENABLE_LUA52COMPAT -DLUAJIT_NO_UNWIND"
make install PREFIX=/usr DESTDIR="$DESTDIR"
# A rolling-release snapshot installs luajit-2.1.<n>; name the command too.
test -e "$DESTDIR/usr/bin/luajit" || ln -s "$(basename "$DESTDIR"/usr/bin/luajit-*)" "$DESTDIR/usr/bin/luajit"
rm -f "$DESTDIR"/usr/lib/*.so*
]],
}
