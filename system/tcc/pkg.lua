-- tinycc: the C compiler, assembler, linker and archiver of the tiny closure.
--
-- Source: a git snapshot of tinycc's "mob" branch (commit 62c30a4a, 2020-08-14)
-- as packed by Debian (tcc_0.9.27+git20200814.62c30a4a.orig.tar.bz2); tinycc
-- publishes no tarball for it.  The tarball has no top directory, so the build
-- runs in /build/src.
--
-- Where tcc looks for things is relative to its library directory {B}
-- (/usr/lib/tcc, or whatever -B says):
--   headers   {B}/include (tcc's stddef.h, stdarg.h, ...) then {B}/../../include
--   libraries {B}/..      (libc.a, libm.a, ...)
--   crt*.o    {B}/..
--   libtcc1.a {B}
-- In the rootfs that is /usr/lib/tcc/include, /usr/include and /usr/lib.  In a
-- stage build, `tcc -B$SYSROOT/usr/lib/tcc` therefore compiles and links
-- against the sysroot's musl and libtcc1.a instead of the container's, so a
-- stage's outputs contain only code compiled in that stage (needed for stage a
-- and stage b to be bit-identical).
return {
  name = "tcc",
  version = "0.9.27+git20200814.62c30a4a",
  description = "Tiny C Compiler (static, musl)",
  license = "LGPL-2.1-or-later",
  homepage = "https://bellard.org/tcc/",
  sources = {
    -- Mirror-only: Debian's snapshot tarball of tinycc mob 62c30a4a (no
    -- upstream release tarball exists), verified in the shared mirror.
    { file = "tcc_0.9.27+git20200814.62c30a4a.orig.tar.bz2",
      sha256 = "d63c113bcdd657f51c8ee197a0b0a24203603313e19a52b5f678d40ab7f5df35" },
  },
  -- tcc-stasis.patch (details in its header): static by default, real
  -- alias symbols (musl's weak_alias), weak symbols in `tcc -ar`'s index,
  -- no abort() in libtcc1's va_arg, -Wl,--start-group/--end-group, exact
  -- hexadecimal long double literals.
  patches = { "tcc-stasis.patch" },
  build_deps = { "musl" },
  -- At run time tcc needs the C library's headers, crt files and libc.a.
  deps = { "musl" },
  build = [[
if [ "$STASIS_STAGE" = dev ]; then
  hostcc="$CC"
  hostflags="$CFLAGS -Wall"
  hostldflags="$LDFLAGS"
  ar=ar
else
  # Stage builds: the container's tcc compiles everything.  Its runtime
  # library is compiled first, from this source, and a private {B} tree is
  # assembled from it, tcc's headers and the sysroot's musl; the new tcc is
  # linked in that tree, so nothing of the container's libc or libtcc1.a
  # ends up in it.
  hostcc="$CC"
  hostflags="-O2"
  hostldflags="-static"
  ar="$CC -ar"
  unset CFLAGS CPPFLAGS LDFLAGS
fi

./configure --prefix=/usr --cc="$hostcc" --ar="$ar" --config-musl \
  --extra-cflags="$hostflags -DCONFIG_TCC_STATIC_DEFAULT" --extra-ldflags="$hostldflags" \
  --sysincludepaths="{B}/include:{B}/../../include" \
  --libpaths="{B}/.." --crtprefix="{B}/.."

# libtcc1.a: helpers tcc-generated code calls (va_arg, long double and
# 64-bit conversions, alloca).  Always compiled by a tcc: in dev by the one
# just built, in stages a/b by the container's.  (tcc's lib/Makefile would
# also build the -bt/-b support objects, which need libc headers found
# through -B; they are not installed.)
if [ "$STASIS_STAGE" = dev ]; then
  make tcc
  libcc="$PWD/tcc"
else
  libcc="$CC"
fi
mkdir -p stasis-lib
for f in libtcc1.c alloca86_64.S alloca86_64-bt.S va_list.c; do
  $libcc -B"$PWD" -O2 -I"$PWD" -c lib/$f -o stasis-lib/${f%.*}.o
done
rm -f libtcc1.a
(cd stasis-lib && $libcc -ar rcs ../libtcc1.a libtcc1.o alloca86_64.o alloca86_64-bt.o va_list.o)

if [ "$STASIS_STAGE" != dev ]; then
  B="$PWD/stasis-root/usr/lib/tcc"
  mkdir -p "$B/include"
  cp include/*.h "$B/include/"
  cp libtcc1.a "$B/"
  for f in "$SYSROOT"/usr/lib/*; do ln -s "$f" "$B/../"; done
  ln -s "$SYSROOT/usr/include" "$PWD/stasis-root/usr/include"
  make tcc CC="$hostcc -B$B"
fi

install -d "$DESTDIR/usr/bin" "$DESTDIR/usr/lib/tcc/include"
install -m 755 tcc "$DESTDIR/usr/bin/tcc"
install -m 644 include/*.h "$DESTDIR/usr/lib/tcc/include/"
install -m 644 libtcc1.a "$DESTDIR/usr/lib/tcc/libtcc1.a"
# The names Makefiles expect: make's default $(CC) is cc and $(AR) is ar
# (with ARFLAGS=rv, which `tcc -ar` understands).  `tcc -ar` writes the
# archive's symbol index itself, so ranlib has nothing to add: it checks that
# it was given archives and leaves them as they are.
ln -s tcc "$DESTDIR/usr/bin/cc"
printf '#!/bin/sh\nexec tcc -ar "$@"\n' > "$DESTDIR/usr/bin/ar"
cat > "$DESTDIR/usr/bin/ranlib" <<'EOF'
#!/bin/sh
# tcc -ar (ar here) writes the symbol index with the archive; nothing to add.
[ $# -gt 0 ] || { echo "usage: ranlib ARCHIVE..." >&2; exit 1; }
for a in "$@"; do
  case $a in -*) continue ;; esac
  [ "$(head -c 8 "$a" 2>/dev/null)" = '!<arch>' ] || { echo "ranlib: $a: not an archive" >&2; exit 1; }
done
EOF
chmod 755 "$DESTDIR/usr/bin/ar" "$DESTDIR/usr/bin/ranlib"
]],
}
