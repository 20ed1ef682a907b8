import fengari, { type LuaState } from 'fengari';

const { lua, to_luastring, to_jsstring } = fengari;
const SOURCE = to_luastring('S');

/**
 * Call `onLine` whenever execution reaches another line of the chunk loaded as
 * `chunkname` (a Lua line hook). Lines of other chunks (the prelude's config
 * proxies) are not the user's and are skipped; a source is recognised by its
 * string object, so only the first line of each chunk costs a comparison.
 */
export function watchLines(L: LuaState, chunkname: string, onLine: (line: number) => void): void {
  const wanted = `@${chunkname}`;
  const ours = new Map<Uint8Array, boolean>();
  let last = 0;
  lua.lua_sethook(
    L,
    (L1, ar) => {
      lua.lua_getinfo(L1, SOURCE, ar);
      let mine = ours.get(ar.source);
      if (mine === undefined) ours.set(ar.source, (mine = to_jsstring(ar.source) === wanted));
      if (mine && ar.currentline !== last) onLine((last = ar.currentline));
    },
    lua.LUA_MASKLINE,
    0,
  );
}
