-- musl-cross-binutils: the binutils half of pass 1 of musl-cross-make
-- (docs/toolchain.md): as, ld, ar and the rest for the target
-- x86_64-linux-musl, hosted on the dev stage's builder (glibc), so a builder
-- tool.  musl-cross-bootstrap (gcc, pass 1) builds on it; a package of its
-- own so that its half hour of building is cached apart from gcc's.
--
-- Installed under /usr/lib/musl-cross-bootstrap (the prefix pass 1 shares),
-- with the target's sysroot beneath it in x86_64-linux-musl/: ld finds its
-- scripts and the sysroot relative to its own location.  Configured as
-- musl-cross-make's binutils is (see its pkg.lua).
local binutils = "2.44"

return {
  name = "musl-cross-binutils",
  version = binutils,
  description = "Cross binutils for x86_64-linux-musl, hosted on the dev builder",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/binutils/",
  builder_tool = true,
  sources = {
    -- Mirror-only: Debian's binutils orig tarball (source package binutils,
    -- version 2.44-3): upstream 2.44 with bfd's GFDL manual reduced; sha256
    -- verified against Debian's source archive index (mirror/SOURCES.tsv).
    { file = "binutils_" .. binutils .. ".orig.tar.xz",
      sha256 = "c41a0272424f41bb01bf828e7ffef1b2d59d1788064fd6b5f1d971717e9320b8" },
  },
  toolchain = false,
  timeout = 3 * 3600,
  build = [[
T=x86_64-linux-musl
P=/usr/lib/musl-cross-bootstrap
mkdir -p /build/work && cd /build/work
CFLAGS=-O2 CXXFLAGS=-O2 /build/src/binutils-]] .. binutils .. [[/configure --target=$T --prefix=$P \
  --with-sysroot=$P/$T --disable-nls --disable-werror --disable-plugins --disable-gprofng \
  --enable-deterministic-archives --without-zstd --without-debuginfod \
  --without-msgpack MAKEINFO=true
make -j"$JOBS" MAKEINFO=true
# make install honours DESTDIR from the environment: the files go straight
# into the package's output.
make install MAKEINFO=true
rm -rf "$DESTDIR$P/share/info" "$DESTDIR$P/share/man"
find "$DESTDIR$P" -name '*.la' -delete
"$DESTDIR$P/bin/$T-as" --version | head -n 1
]],
}
