-- lpeg: Parsing Expression Grammars for Lua, as a static library.
--
-- A static system cannot dlopen() a lpeg.so C module, so lpeg is built as
-- liblpeg.a (exporting luaopen_lpeg) for programs that embed Lua to link in
-- and register via package.preload; its pure-Lua companion re.lua goes to the
-- Lua module path.  Layout:
--   /usr/lib/lua/5.4/liblpeg.a   the C module, where Lua C modules live
--   /usr/lib/liblpeg.a           -> lua/5.4/liblpeg.a, so that -llpeg works
--   /usr/share/lua/5.4/re.lua    the "re" module (requires lpeg)
return {
  name = "lpeg",
  version = "1.0.2",
  description = "Parsing Expression Grammars for Lua (static library)",
  license = "MIT",
  homepage = "https://www.inf.puc-rio.br/~roberto/lpeg/",
  sources = {
    { url = "https://www.inf.puc-rio.br/~roberto/lpeg/lpeg-1.0.2.tar.gz",
      sha256 = "48d66576051b6c78388faad09b70493093264588fcd0f258ddaab1cdd4a15ffe" },
  },
  build_deps = { "lua" },
  build = [[
# The upstream makefile only builds lpeg.so; compile the objects directly.
objs=
for f in lpcap lpcode lpprint lptree lpvm; do
  $CC $CFLAGS $CPPFLAGS -DNDEBUG -c $f.c -o $f.o
  objs="$objs $f.o"
done
rm -f liblpeg.a
ar rcD liblpeg.a $objs
ranlib -D liblpeg.a

# Sanity check (not installed): link a Lua host with lpeg preloaded and run
# a match, plus re.lua, against the sysroot's static liblua.a.
cat > stasis-check.c <<'EOF2'
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
int luaopen_lpeg(lua_State *L);
int main(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_lpeg);
  lua_setfield(L, -2, "lpeg");
  lua_pop(L, 1);
  if (luaL_dostring(L,
      "package.path = './?.lua'\n"
      "local lpeg = require 'lpeg'\n"
      "assert(lpeg.match(lpeg.R'09'^1 * -1, '2024') == 5)\n"
      "local re = require 're'\n"
      "assert(re.match('hello world', \"{%a+} ' ' {%a+}\") == 'hello')\n")) {
    return 1;
  }
  lua_close(L);
  return 0;
}
EOF2
$CC $CFLAGS $CPPFLAGS -o stasis-check stasis-check.c $LDFLAGS liblpeg.a -llua -lm
./stasis-check

install -d "$DESTDIR/usr/lib/lua/5.4" "$DESTDIR/usr/share/lua/5.4"
install -m 644 liblpeg.a "$DESTDIR/usr/lib/lua/5.4/liblpeg.a"
ln -s lua/5.4/liblpeg.a "$DESTDIR/usr/lib/liblpeg.a"
install -m 644 re.lua "$DESTDIR/usr/share/lua/5.4/re.lua"
]],
}
