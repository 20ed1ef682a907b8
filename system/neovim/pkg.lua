-- neovim: the Vim fork (terminal UI; LuaJIT from the luajit package).
--
-- Upstream's build downloads its libraries (cmake.deps/deps.txt).  Here every
-- one is a source of this recipe and cmake.deps is pointed at the local file
-- (<DEP>_URL=file://..., <DEP>_SHA256 checked again by cmake).
--   neovim 0.11.6 and the six tree-sitter parsers: sha256 from Homebrew's
--   neovim formula (Formula/n/neovim.rb);
--   libuv, luv, lpeg, unibilium, utf8proc, lua-compat-5.3: the sha256 in
--   neovim's own cmake.deps/deps.txt (the published list those URLs come from);
--   tree-sitter 0.25.6: the sha256 neovim 0.11's deps.txt records for it.
local deps = {
  { "LIBUV", "https://github.com/libuv/libuv/archive/v1.49.0.tar.gz", "libuv-1.49.0.tar.gz",
    "a10656a0865e2cff7a1b523fa47d0f5a9c65be963157301f814d1cc5dbd4dc1d" },
  { "LUV", "https://github.com/luvit/luv/releases/download/1.48.0-2/luv-1.48.0-2.tar.gz", "luv-1.48.0-2.tar.gz",
    "2c3a1ddfebb4f6550293a40ee789f7122e97647eede51511f57203de48c03b7a" },
  { "LPEG", "https://github.com/neovim/deps/raw/d495ee6f79e7962a53ad79670cb92488abe0b9b4/opt/lpeg-1.1.0.tar.gz", "lpeg-1.1.0.tar.gz",
    "4b155d67d2246c1ffa7ad7bc466c1ea899bbc40fef0257cc9c03cecbaed4352a" },
  { "LUA_COMPAT53", "https://github.com/lunarmodules/lua-compat-5.3/archive/v0.13.tar.gz", "lua-compat-5.3-0.13.tar.gz",
    "f5dc30e7b1fda856ee4d392be457642c1f0c259264a9b9bfbcb680302ce88fc2" },
  { "UNIBILIUM", "https://github.com/neovim/unibilium/archive/v2.1.2.tar.gz", "unibilium-2.1.2.tar.gz",
    "370ecb07fbbc20d91d1b350c55f1c806b06bf86797e164081ccc977fc9b3af7a" },
  { "UTF8PROC", "https://github.com/JuliaStrings/utf8proc/archive/3de4596fbe28956855df2ecb3c11c0bbc3535838.tar.gz",
    "utf8proc-3de4596fbe28.tar.gz", "fb4a16bb659b58afb7f921fcc8928d0b3c1fcab135366c8a4f9ca7de1b1cfada" },
  { "TREESITTER", "https://github.com/tree-sitter/tree-sitter/archive/v0.25.6.tar.gz", "tree-sitter-0.25.6.tar.gz",
    "ac6ed919c6d849e8553e246d5cd3fa22661f6c7b6497299264af433f3629957c" },
  { "TREESITTER_C", "https://github.com/tree-sitter/tree-sitter-c/archive/refs/tags/v0.24.1.tar.gz", "tree-sitter-c-0.24.1.tar.gz",
    "25dd4bb3dec770769a407e0fc803f424ce02c494a56ce95fedc525316dcf9b48" },
  { "TREESITTER_LUA", "https://github.com/tree-sitter-grammars/tree-sitter-lua/archive/refs/tags/v0.4.1.tar.gz", "tree-sitter-lua-0.4.1.tar.gz",
    "cef44b8773bde69d427b5e50ca95e417c86c0be91caa37a6782c90d6f529da70" },
  { "TREESITTER_VIM", "https://github.com/tree-sitter-grammars/tree-sitter-vim/archive/refs/tags/v0.8.0.tar.gz", "tree-sitter-vim-0.8.0.tar.gz",
    "aa0a45027408bc33da0f2244272dbdc0b4e71bd18f71e5b885f6f7cbae407338" },
  { "TREESITTER_VIMDOC", "https://github.com/neovim/tree-sitter-vimdoc/archive/refs/tags/v4.1.0.tar.gz", "tree-sitter-vimdoc-4.1.0.tar.gz",
    "020e8f117f648c8697fca967995c342e92dbd81dab137a115cc7555207fbc84f" },
  { "TREESITTER_QUERY", "https://github.com/tree-sitter-grammars/tree-sitter-query/archive/refs/tags/v0.8.0.tar.gz", "tree-sitter-query-0.8.0.tar.gz",
    "c2b23b9a54cffcc999ded4a5d3949daf338bebb7945dece229f832332e6e6a7d" },
  { "TREESITTER_MARKDOWN", "https://github.com/tree-sitter-grammars/tree-sitter-markdown/archive/refs/tags/v0.5.2.tar.gz", "tree-sitter-markdown-0.5.2.tar.gz",
    "122be47d4a50ac75a4f6861a17c3c88144197e0949f5d83ca917f2382b37761b" },
}

local sources = {
  { url = "https://github.com/neovim/neovim/archive/refs/tags/v0.11.6.tar.gz",
    file = "neovim-0.11.6.tar.gz",
    sha256 = "d1c8e3f484ed1e231fd5f48f53b7345b628e52263d5eef489bb8b73ca8d90fca" },
}
local flags = {}
for _, d in ipairs(deps) do
  sources[#sources + 1] = { url = d[2], file = d[3], sha256 = d[4], extract = false }
  flags[#flags + 1] = string.format("-D%s_URL=file:///build/src/%s -D%s_SHA256=%s", d[1], d[3], d[1], d[4])
end

return {
  name = "neovim",
  version = "0.11.6",
  description = "Hyperextensible Vim-based text editor",
  license = "Apache-2.0 AND Vim",
  homepage = "https://neovim.io/",
  sources = sources,
  build_deps = { "cmake", "musl-cross-make", "luajit" },
  build = [[
# The bundled libraries (static), with the system's LuaJIT; no gettext
# (messages in English), musl's iconv.
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
cmake -S cmake.deps -B .deps -DCMAKE_BUILD_TYPE=Release \
  -DUSE_BUNDLED_LUAJIT=OFF -DUSE_BUNDLED_GETTEXT=OFF -DUSE_BUNDLED_LIBICONV=OFF \
  -DCMAKE_PREFIX_PATH="$SYSROOT/usr" \
  ]] .. table.concat(flags, " \\\n  ") .. [[

cmake --build .deps -j"$JOBS"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DDEPS_PREFIX="$PWD/.deps/usr" -DCMAKE_PREFIX_PATH="$SYSROOT/usr" \
  -DENABLE_LIBINTL=OFF -DENABLE_TRANSLATIONS=OFF \
  -DCMAKE_EXE_LINKER_FLAGS="-static" -DLUAJIT_LIBRARY="$SYSROOT/usr/lib/libluajit-5.1.a" \
  -DLUAJIT_INCLUDE_DIR="$SYSROOT/usr/include/luajit-2.1"
cmake --build build -j"$JOBS"
DESTDIR="$DESTDIR" cmake --install build
rm -rf "$DESTDIR/usr/share/applications" "$DESTDIR/usr/share/icons" "$DESTDIR/usr/share/locale"
]],
}
