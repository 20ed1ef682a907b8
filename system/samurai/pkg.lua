-- samurai: a ninja-compatible build tool written in C (samu, ninja link),
-- used with muon for meson projects.
return {
  name = "samurai",
  version = "1.2",
  description = "ninja-compatible build tool in C",
  license = "Apache-2.0 AND MIT",
  homepage = "https://github.com/michaelforney/samurai",
  sources = {
    -- sha256 from Homebrew's samurai formula (samurai-1.2.tar.gz).
    { url = "https://github.com/michaelforney/samurai/releases/download/1.2/samurai-1.2.tar.gz",
      sha256 = "3b8cf51548dfc49b7efe035e191ff5e1963ebc4fe8f6064a5eefc5343eaf78a5" },
  },
  build = [[
make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS"
make install DESTDIR="$DESTDIR" PREFIX=/usr
ln -s samu "$DESTDIR/usr/bin/ninja"
]],
}
