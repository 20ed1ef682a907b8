-- musl: the C library of the tiny closure (static only).
-- In the dev stage it is built by the builder's gcc (musl-gcc); in stages a/b by
-- the closure's own tinycc.  The same sources are used in every stage: the
-- patch and the deletions below are needed by tcc and harmless for gcc.
return {
  name = "musl",
  version = "1.2.3",
  description = "Lightweight, standards-conforming C library (static)",
  license = "MIT",
  homepage = "https://musl.libc.org/",
  sources = {
    { url = "https://musl.libc.org/releases/musl-1.2.3.tar.gz",
      sha256 = "7d5b0b6062521e4627e099e4c9dc8248d32a30285e959b7eecaa780cf8cfd4a4" },
  },
  -- tcc-compat.patch: syscall_arch.h without register variables, sigsetjmp.s
  -- without @PLT, sqrtl.c with a constant initializer (details in the patch).
  patches = { "tcc-compat.patch" },
  build = [[
# tcc's assembler cannot assemble the x86_64 fenv and x87 math asm
# (stmxcsr, fldt forms, ...), and tcc has no _Complex.  Without these
# directories musl uses its portable C versions (fenv then supports only
# round-to-nearest; the complex functions are left out of libc.a).
rm -rf src/complex src/fenv/x86_64 src/math/x86_64

if [ "$STASIS_STAGE" = dev ]; then
  AR=ar
  RANLIB=ranlib
  # No LTO for the C library: libc.a would hold gcc bitcode, which neither
  # links statically with its own calls resolved (malloc, printf, ... end up
  # undefined) nor can be read by tcc.
  CFLAGS=$(echo " $CFLAGS " | sed 's/ -flto[^ ]*/ /g')
  LDFLAGS=$(echo " $LDFLAGS " | sed 's/ -flto[^ ]*/ /g')
else
  # tcc's own archiver; it writes no timestamps, uids or modes, and its
  # index already serves as the ranlib table.
  AR="$CC -ar"
  RANLIB=true
  # The closure's compiler takes its own flags; nothing from the builder.
  CFLAGS="-O2"
  CPPFLAGS=
  LDFLAGS=
fi

# `tcc -ar` refuses to create an archive with no members; musl's empty
# compatibility libraries (libm.a, libpthread.a, ...) are therefore made
# here as bare archive headers, exactly what `ar rc libx.a` writes.
mkdir -p lib
for l in m rt pthread crypt util xnet resolv dl; do
  printf '!<arch>\n' > lib/lib$l.a
done

CC="$CC" AR="$AR" RANLIB="$RANLIB" CFLAGS="$CFLAGS" CPPFLAGS="$CPPFLAGS" LDFLAGS="$LDFLAGS" \
  ./configure --prefix=/usr --target=x86_64-linux-musl --disable-shared --enable-static
make -j"$JOBS" AR="$AR" RANLIB="$RANLIB"
make install DESTDIR="$DESTDIR" AR="$AR" RANLIB="$RANLIB"
]],
}
