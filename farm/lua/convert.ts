import fengari, { type LuaState } from 'fengari';

const { lua, to_luastring, to_jsstring } = fengari;

/** Push plain JS data (null, booleans, numbers, strings, arrays, objects) as a Lua value. */
export function pushValue(L: LuaState, value: unknown): void {
  if (value === null || value === undefined) lua.lua_pushnil(L);
  else if (typeof value === 'boolean') lua.lua_pushboolean(L, value);
  else if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) lua.lua_pushinteger(L, value);
    else lua.lua_pushnumber(L, value);
  } else if (typeof value === 'string') lua.lua_pushstring(L, to_luastring(value));
  else if (Array.isArray(value)) {
    lua.lua_createtable(L, value.length, 0);
    value.forEach((v, i) => {
      pushValue(L, v);
      lua.lua_rawseti(L, -2, i + 1);
    });
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    lua.lua_createtable(L, 0, entries.length);
    for (const [k, v] of entries) {
      pushValue(L, v);
      lua.lua_setfield(L, -2, to_luastring(k));
    }
  } else throw new Error(`cannot pass a ${typeof value} to Lua`);
}

export class ConversionError extends Error {}

/**
 * The Lua value at `idx` as plain JS data. A table whose keys are exactly
 * 1..n is an array (an empty table is an empty array); other tables need string
 * keys. Functions, userdata and threads are refused, naming the field.
 */
export function toJs(L: LuaState, idx: number, path: string, depth = 0): unknown {
  if (depth > 64) throw new ConversionError(`${path}: nested too deeply`);
  const at = lua.lua_absindex(L, idx);
  const t = lua.lua_type(L, at);
  if (t === lua.LUA_TNIL) return null;
  if (t === lua.LUA_TBOOLEAN) return lua.lua_toboolean(L, at);
  if (t === lua.LUA_TNUMBER) return lua.lua_isinteger(L, at) ? lua.lua_tointeger(L, at) : lua.lua_tonumber(L, at);
  if (t === lua.LUA_TSTRING) return to_jsstring(lua.lua_tostring(L, at));
  if (t !== lua.LUA_TTABLE) throw new ConversionError(`${path}: a ${to_jsstring(lua.lua_typename(L, t))} is not allowed here`);
  const ints: [number, unknown][] = [];
  const strs: [string, unknown][] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, at) !== 0) {
    const kt = lua.lua_type(L, -2);
    if (kt === lua.LUA_TNUMBER && lua.lua_isinteger(L, -2)) {
      const k = lua.lua_tointeger(L, -2);
      ints.push([k, toJs(L, -1, `${path}[${k}]`, depth + 1)]);
    } else if (kt === lua.LUA_TSTRING) {
      const k = to_jsstring(lua.lua_tostring(L, -2));
      strs.push([k, toJs(L, -1, path === '' ? k : `${path}.${k}`, depth + 1)]);
    } else {
      lua.lua_pop(L, 2);
      throw new ConversionError(`${path}: table keys must be strings or list indexes`);
    }
    lua.lua_pop(L, 1);
  }
  if (strs.length === 0) {
    ints.sort((a, b) => a[0] - b[0]);
    if (ints.every(([k], i) => k === i + 1)) return ints.map(([, v]) => v);
    throw new ConversionError(`${path}: a list must use indexes 1..n without holes`);
  }
  if (ints.length > 0) throw new ConversionError(`${path}: mixes list items and named fields`);
  return Object.fromEntries(strs);
}
