/**
 * Lua run before every recipe: wraps the injected data in read-only proxies
 * that record every value read. A leaf read records that value; iterating a
 * table (pairs, #) records the whole table at that path.
 */
export const PRELUDE = `
local raw = ...
local reads = {}
local function record(path, v) reads[#reads + 1] = { path, v } end
local function child(path, k)
  if math.type(k) == "integer" then return path .. "[" .. k .. "]" end
  return path .. "." .. tostring(k)
end
local wrap
wrap = function(t, path)
  return setmetatable({}, {
    __index = function(_, k)
      local v = t[k]
      if type(v) == "table" then return wrap(v, child(path, k)) end
      record(child(path, k), v)
      return v
    end,
    __newindex = function() error(path .. " is read-only", 2) end,
    __pairs = function() record(path, t) return next, t, nil end,
    __len = function() record(path, t) return #t end,
    __metatable = false,
  })
end
local proxies = {}
for name, t in pairs(raw) do proxies[name] = wrap(t, name) end
return proxies, reads
`;
