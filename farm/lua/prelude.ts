/**
 * Lua run before every file: wraps the injected data in read-only proxies that
 * record every value read.
 *
 * - a leaf read (`config.hostname`, `config.kernel.params[2]`) records that value,
 *   also a missing one (as null): the file depends on its absence;
 * - reading a sub-table gives another proxy, so only the leaves actually read count;
 * - iterating (`pairs`, `ipairs`) or taking the length (`#`, table.concat, ...)
 *   records the whole table at that path;
 * - every write, and replacing the metatable, is an error at the caller's line.
 *
 * Returns the proxies (name -> proxy), the list of `{ path, value }` reads, the list of
 * paths read as tables (whose leaves may go unread: `if config.kernel then`; the
 * evaluation cache checks they are still tables) and `export(result)`, which turns
 * proxies inside the file's result back into data.
 */
export const PRELUDE = `
local raw = ...
local reads = {}
local tables = {}
local views = {}
local next, type, error, setmetatable, rawipairs, math_type, tostring = next, type, error, setmetatable, ipairs, math.type, tostring
local function record(path, v) reads[#reads + 1] = { path, v } end
local function child(path, k)
  if math_type(k) == "integer" then return path .. "[" .. k .. "]" end
  return path .. "." .. tostring(k)
end
local wrap
-- A value handed out by an iteration that already recorded the whole table.
local function view(v, path)
  if type(v) == "table" then return wrap(v, path) end
  return v
end
wrap = function(t, path)
  local proxy = {}
  setmetatable(proxy, {
    __index = function(_, k)
      local v = t[k]
      if type(v) == "table" then
        tables[#tables + 1] = child(path, k)
        return wrap(v, child(path, k))
      end
      record(child(path, k), v)
      return v
    end,
    __newindex = function() error(path .. " is read-only", 2) end,
    __pairs = function()
      record(path, t)
      return function(_, k)
        local nk, nv = next(t, k)
        if nk == nil then return nil end
        return nk, view(nv, child(path, nk))
      end, proxy, nil
    end,
    __len = function() record(path, t) return #t end,
    __metatable = false,
  })
  views[proxy] = { t = t, path = path }
  return proxy
end
-- ipairs would go through __index element by element; over a proxy it records
-- the whole list, like pairs and #.
ipairs = function(v)
  local info = views[v]
  if info == nil then return rawipairs(v) end
  record(info.path, info.t)
  local t, path = info.t, info.path
  return function(_, i)
    i = i + 1
    local e = t[i]
    if e == nil then return nil end
    return i, view(e, path .. "[" .. i .. "]")
  end, v, 0
end
-- rawset would store into the (empty) proxy table itself, shadowing the data unrecorded.
local rawset_ = rawset
rawset = function(t, k, v)
  local info = views[t]
  if info ~= nil then error(info.path .. " is read-only", 2) end
  return rawset_(t, k, v)
end
-- The file's result as plain tables: a proxy in it (deps = config.include) stands
-- for its data, which the result then depends on entirely.
local function out_path(path, k)
  if math_type(k) == "integer" then return path .. "[" .. k .. "]" end
  if path == "" then return tostring(k) end
  return path .. "." .. tostring(k)
end
local export
export = function(v, path, depth)
  if type(v) ~= "table" then return v end
  local info = views[v]
  if info ~= nil then record(info.path, info.t) return info.t end
  if depth > 64 then error((path == "" and "" or path .. ": ") .. "nested too deeply (does a table contain itself?)", 0) end
  local out = {}
  for k, x in next, v do out[k] = export(x, out_path(path, k), depth + 1) end
  return out
end
local proxies = {}
for name, t in next, raw do proxies[name] = type(t) == "table" and wrap(t, name) or t end
return proxies, reads, tables, function(v) return export(v, "", 0) end
`;
