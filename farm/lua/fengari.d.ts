// fengari ships no typings; these cover the parts the sandbox uses.
declare module 'fengari' {
  export type LuaState = { readonly __luaState: unique symbol };
  export type LuaString = Uint8Array;
  /** The public part of lua_Debug that the line hook reads. */
  export interface LuaDebug {
    currentline: number;
    source: LuaString;
  }
  // Plain module exports that never use `this`; those the sandbox destructures or passes as values
  // (to_luastring, to_jsstring, luaopen_*) say so with `this: void`.
  interface Fengari {
    to_luastring(this: void, s: string): LuaString;
    to_jsstring(this: void, s: LuaString): string;
    lua: {
      LUA_OK: number;
      LUA_TNIL: number;
      LUA_TBOOLEAN: number;
      LUA_TNUMBER: number;
      LUA_TSTRING: number;
      LUA_TTABLE: number;
      LUA_TFUNCTION: number;
      LUA_REGISTRYINDEX: number;
      LUA_MASKLINE: number;
      lua_sethook(L: LuaState, hook: ((L: LuaState, ar: LuaDebug) => void) | null, mask: number, count: number): void;
      lua_getinfo(L: LuaState, what: LuaString, ar: LuaDebug): number;
      lua_pop(L: LuaState, n: number): void;
      lua_pushnil(L: LuaState): void;
      lua_pushboolean(L: LuaState, b: boolean): void;
      lua_pushnumber(L: LuaState, n: number): void;
      lua_pushinteger(L: LuaState, n: number): void;
      lua_pushstring(L: LuaState, s: LuaString): void;
      lua_pushliteral(L: LuaState, s: string): void;
      lua_createtable(L: LuaState, narr: number, nrec: number): void;
      lua_setfield(L: LuaState, idx: number, k: LuaString): void;
      lua_getfield(L: LuaState, idx: number, k: LuaString): number;
      lua_seti(L: LuaState, idx: number, i: number): void;
      lua_rawseti(L: LuaState, idx: number, i: number): void;
      lua_setglobal(L: LuaState, name: LuaString): void;
      lua_getglobal(L: LuaState, name: LuaString): number;
      lua_type(L: LuaState, idx: number): number;
      lua_typename(L: LuaState, t: number): LuaString;
      lua_toboolean(L: LuaState, idx: number): boolean;
      lua_tonumber(L: LuaState, idx: number): number;
      lua_tostring(L: LuaState, idx: number): LuaString;
      lua_isinteger(L: LuaState, idx: number): boolean;
      lua_tointeger(L: LuaState, idx: number): number;
      lua_next(L: LuaState, idx: number): number;
      lua_pushvalue(L: LuaState, idx: number): void;
      lua_gettop(L: LuaState): number;
      lua_settop(L: LuaState, idx: number): void;
      lua_absindex(L: LuaState, idx: number): number;
      lua_pcall(L: LuaState, nargs: number, nresults: number, msgh: number): number;
      lua_pushjsfunction(L: LuaState, f: (L: LuaState) => number): void;
      lua_insert(L: LuaState, idx: number): void;
      lua_rawlen(L: LuaState, idx: number): number;
      lua_rawgeti(L: LuaState, idx: number, i: number): number;
    };
    lauxlib: {
      luaL_newstate(): LuaState;
      luaL_requiref(L: LuaState, name: LuaString, open: (L: LuaState) => number, glb: number): void;
      luaL_loadbufferx(L: LuaState, buf: LuaString, size: number | null, name: LuaString, mode: LuaString | null): number;
      luaL_traceback(L: LuaState, L1: LuaState, msg: LuaString | null, level: number): void;
      luaL_tolstring(L: LuaState, idx: number): LuaString;
    };
    lualib: {
      luaopen_base(this: void, L: LuaState): number;
      luaopen_string(this: void, L: LuaState): number;
      luaopen_table(this: void, L: LuaState): number;
      luaopen_math(this: void, L: LuaState): number;
      luaopen_utf8(this: void, L: LuaState): number;
    };
  }
  const fengari: Fengari;
  export default fengari;
}
