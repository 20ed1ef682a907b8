import fengari, { type LuaState } from 'fengari';
import { canonicalJson } from '../encoding/canonical-json.js';
import { ConversionError, pushValue, toJs } from './convert.js';
import { watchLines } from './line-hook.js';
import { PRELUDE } from './prelude.js';
import type { RecordedRead } from './reads.js';

const { lua, lauxlib, lualib, to_luastring, to_jsstring } = fengari;

export type SandboxResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly reads: RecordedRead[];
      /** Paths of config/defaults/farm read as tables (sorted, unique): they must stay tables for the result to hold. */
      readonly tables: string[];
    }
  | { readonly ok: false; readonly message: string };

const REMOVED = ['dofile', 'loadfile', 'load', 'require', 'collectgarbage', 'print', 'module', 'loadstring'];

function openLibraries(L: LuaState): void {
  const libs: [string, (L: LuaState) => number][] = [
    ['_G', lualib.luaopen_base],
    ['string', lualib.luaopen_string],
    ['table', lualib.luaopen_table],
    ['math', lualib.luaopen_math],
    ['utf8', lualib.luaopen_utf8],
  ];
  for (const [name, open] of libs) {
    lauxlib.luaL_requiref(L, to_luastring(name), open, 1);
    lua.lua_pop(L, 1);
  }
  for (const name of REMOVED) {
    lua.lua_pushnil(L);
    lua.lua_setglobal(L, to_luastring(name));
  }
  lua.lua_getglobal(L, to_luastring('string'));
  lua.lua_pushnil(L);
  lua.lua_setfield(L, -2, to_luastring('dump'));
  lua.lua_pop(L, 1);
}

/** The error object as text (Lua already prefixed `file:line:` for errors raised with a level). */
function messageHandler(L: LuaState): number {
  const t = lua.lua_type(L, 1);
  if (t !== lua.LUA_TSTRING) {
    lua.lua_pushstring(L, lauxlib.luaL_tolstring(L, 1));
  }
  return 1;
}

function errorText(L: LuaState): string {
  return lua.lua_type(L, -1) === lua.LUA_TSTRING ? to_jsstring(lua.lua_tostring(L, -1)) : 'error object is not a string';
}

/** Every message names the file: `error("x", 0)` or an error table carry no position. */
function located(path: string, message: string): string {
  return message.startsWith(`${path}:`) ? message : `${path}: ${message}`;
}

function load(L: LuaState, source: string, chunkname: string): boolean {
  const bytes = to_luastring(source);
  // Text only: a precompiled (bytecode) chunk is refused.
  return lauxlib.luaL_loadbufferx(L, bytes, bytes.length, to_luastring(`@${chunkname}`), to_luastring('t')) === lua.LUA_OK;
}

/**
 * Evaluate one Lua file in a fresh state with only base/string/table/math/utf8.
 * `globals` become read-only, read-tracked tables. The chunk must return a table.
 * `onLine` hears each line of the file that execution reaches (for a timeout to
 * say where it stopped).
 */
export function evaluateSource(
  path: string,
  source: string,
  globals: Readonly<Record<string, unknown>>,
  options: { readonly onLine?: (line: number) => void } = {},
): SandboxResult {
  const L = lauxlib.luaL_newstate();
  openLibraries(L);
  lua.lua_pushjsfunction(L, messageHandler);
  const msgh = lua.lua_gettop(L);

  if (!load(L, PRELUDE, '=prelude')) return { ok: false, message: `internal: ${errorText(L)}` };
  pushValue(L, globals);
  if (lua.lua_pcall(L, 1, 4, msgh) !== lua.LUA_OK) return { ok: false, message: `internal: ${errorText(L)}` };
  const exportIndex = lua.lua_gettop(L);
  const tablesIndex = exportIndex - 1;
  const readsIndex = exportIndex - 2;
  const proxiesIndex = exportIndex - 3;
  for (const name of Object.keys(globals)) {
    lua.lua_getfield(L, proxiesIndex, to_luastring(name));
    lua.lua_setglobal(L, to_luastring(name));
  }

  if (!load(L, source, path)) return { ok: false, message: located(path, errorText(L)) };
  if (options.onLine !== undefined) watchLines(L, path, options.onLine);
  if (lua.lua_pcall(L, 0, 1, msgh) !== lua.LUA_OK) return { ok: false, message: located(path, errorText(L)) };
  if (lua.lua_type(L, -1) !== lua.LUA_TTABLE) {
    const got = to_jsstring(lua.lua_typename(L, lua.lua_type(L, -1)));
    return { ok: false, message: `${path}: must return a table (it returned ${got === 'no value' ? 'nothing' : got})` };
  }
  lua.lua_pushvalue(L, exportIndex);
  lua.lua_insert(L, -2);
  if (lua.lua_pcall(L, 1, 1, msgh) !== lua.LUA_OK) return { ok: false, message: located(path, errorText(L)) };
  try {
    const value = toJs(L, -1, '');
    return { ok: true, value, ...recorded(L, readsIndex, tablesIndex) };
  } catch (error) {
    if (error instanceof ConversionError) return { ok: false, message: `${path}: ${error.message.replace(/^: /, '')}` };
    throw error;
  }
}

/** What the prelude recorded: the values read and the paths read as tables. */
function recorded(L: LuaState, readsIndex: number, tablesIndex: number): { reads: RecordedRead[]; tables: string[] } {
  const raw = toJs(L, readsIndex, 'reads') as [string, unknown][] | Record<string, never>;
  const reads = (Array.isArray(raw) ? raw : []).map((pair) => {
    const [p, v] = Array.isArray(pair) ? pair : [String((pair as Record<string, unknown>)['1']), null];
    return { path: String(p), value: canonicalJson(v ?? null) };
  });
  const paths = toJs(L, tablesIndex, 'tables') as unknown[] | Record<string, never>;
  const tables = [...new Set((Array.isArray(paths) ? paths : []).map(String))].sort();
  return { reads: dedupeReads(reads), tables };
}

/**
 * Sorted, without duplicates, and without reads inside a table that was recorded
 * whole (its value already contains them), e.g. table.concat's element reads.
 */
function dedupeReads(reads: RecordedRead[]): RecordedRead[] {
  const seen = new Map<string, RecordedRead>();
  for (const r of reads) seen.set(`${r.path}\0${r.value}`, r);
  const wholes = [...seen.values()].filter((r) => r.value.startsWith('[') || r.value.startsWith('{')).map((r) => r.path);
  const inside = (path: string): boolean => wholes.some((w) => path.startsWith(`${w}.`) || path.startsWith(`${w}[`));
  return [...seen.values()]
    .filter((r) => !inside(r.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
