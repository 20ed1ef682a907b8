-- musl-crypt: crypt() (DES, MD5, Blowfish, SHA-256/512) and crypt.h, compiled
-- from musl 1.2.5's own crypt sources, for the recipes that call crypt()
-- (shadow, nginx, screen).  Stasis's musl has crypt() in libc.a, but the dev
-- builder's C library (Debian's musl) leaves it out, so a package built there
-- would not link.  A build dependency only, never shipped: it installs into a
-- private prefix, /usr/lib/musl-crypt/{include,lib}, so it never shadows or
-- collides with the musl package's crypt.h and libcrypt.a; its users add
-- -I/-L for that prefix (see screen's pre_configure).
return {
  name = "musl-crypt",
  version = "1.2.5",
  description = "crypt() from musl's sources, for builds against a C library without it",
  license = "MIT",
  homepage = "https://musl.libc.org/",
  sources = {
    { url = "https://musl.libc.org/releases/musl-1.2.5.tar.gz",
      sha256 = "a9a118bbe84d8764da0ea0d28b3ab3fae8477fc7e4085d90102b8596fc7c75e4" },
  },
  build = [[
d="$DESTDIR/usr/lib/musl-crypt"
mkdir -p "$d/include" "$d/lib" obj
for f in src/crypt/*.c; do
  $CC $CFLAGS -Isrc/include -c "$f" -o "obj/$(basename "$f" .c).o"
done
ar rc "$d/lib/libcrypt.a" obj/*.o
cp include/crypt.h "$d/include/"
]],
}
