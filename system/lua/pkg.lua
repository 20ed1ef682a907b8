-- lua: the Lua 5.4 interpreter, compiler and liblua.a (static only).
return {
  name = "lua",
  version = "5.4.4",
  description = "Lightweight embeddable scripting language",
  license = "MIT",
  homepage = "https://www.lua.org/",
  sources = {
    { url = "https://www.lua.org/ftp/lua-5.4.4.tar.gz",
      sha256 = "164c7849653b80ae67bec4b7473b884bf5cc8d2dca05653475ec2ed27b9ebf61" },
  },
  build = [[
# luaconf.h hard-codes LUA_ROOT as /usr/local/, which sets the default
# package.path/cpath; this system installs Lua modules under /usr.
sed -i 's|^#define LUA_ROOT.*|#define LUA_ROOT	"/usr/"|' src/luaconf.h
grep -q '^#define LUA_ROOT	"/usr/"' src/luaconf.h

# The "posix" platform: LUA_USE_POSIX without LUA_USE_DLOPEN (the "linux"
# platform would add -ldl and -Wl,-E for C modules loaded at run time, which a
# static system cannot do).  C modules (e.g. lpeg) are linked in instead.
make -C src -j"$JOBS" all CC="$CC -std=gnu99" AR="ar rc" RANLIB=ranlib \
  SYSCFLAGS="-DLUA_USE_POSIX" SYSLIBS="" \
  MYCFLAGS="$CFLAGS $CPPFLAGS" MYLDFLAGS="$LDFLAGS"
make install INSTALL_TOP="$DESTDIR/usr" INSTALL_MAN="$DESTDIR/usr/share/man/man1"

# A pkg-config file (upstream ships none) so that consumers find -llua.
install -d "$DESTDIR/usr/lib/pkgconfig"
cat > "$DESTDIR/usr/lib/pkgconfig/lua.pc" <<EOF2
prefix=/usr
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: Lua
Description: Lightweight embeddable scripting language
Version: $STASIS_VERSION
Libs: -L\${libdir} -llua -lm
Cflags: -I\${includedir}
EOF2
ln -s lua.pc "$DESTDIR/usr/lib/pkgconfig/lua5.4.pc"
]],
}
