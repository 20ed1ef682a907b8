-- flex: the fast lexical analyser generator.
return {
  name = "flex",
  version = "2.6.4",
  description = "Fast lexical analyzer generator",
  license = "BSD-2-Clause",
  homepage = "https://github.com/westes/flex",
  sources = {
    { url = "https://github.com/westes/flex/releases/download/v2.6.4/flex-2.6.4.tar.gz",
      sha256 = "e87aae032bf07c26f85ac0ed3250998c37621d95f8bd748b31f15b33c45ee995" },
  },
  -- flex runs m4 both while building (the skeleton) and at run time.
  build_deps = { "m4" },
  deps = { "m4" },
  build = [[
# The generated manual page and info pages are shipped in the release.
./configure --prefix=/usr --disable-shared --enable-static \
  --disable-nls --disable-rpath MAKEINFO=true HELP2MAN=true
# configure found m4 in the sysroot and flex would remember that path;
# at run time m4 is /usr/bin/m4.
sed -i 's|^#define M4 .*|#define M4 "/usr/bin/m4"|' src/config.h
grep -q '^#define M4 "/usr/bin/m4"' src/config.h
# libtool: -all-static (at make time) for fully static programs.
make -j"$JOBS" LDFLAGS="$LDFLAGS -all-static" M4="$SYSROOT/usr/bin/m4"
make install DESTDIR="$DESTDIR"
rm -f "$DESTDIR"/usr/lib/*.la "$DESTDIR/usr/share/info/dir"
# lex is traditionally flex.
ln -s flex "$DESTDIR/usr/bin/lex"
]],
}
