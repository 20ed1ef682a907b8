-- skalibs: the skarnet.org C library (static only), used by execline & s6.
--
-- 2.14.3.0 is the release the rest of the skarnet set here is written for
-- (execline 2.9.6.1, s6 2.13.1.0, s6-rc 0.5.6.0 all require it).  The shared
-- mirror only carries Debian's 2.13.1.1 export, which is too old for them.
return {
  name = "skalibs",
  version = "2.14.3.0",
  description = "skarnet.org general-purpose C library (static)",
  license = "ISC",
  homepage = "https://skarnet.org/software/skalibs/",
  sources = {
    -- sha256 from Homebrew's skalibs formula (Formula/s/skalibs.rb, 2.14.3.0).
    { url = "https://skarnet.org/software/skalibs/skalibs-2.14.3.0.tar.gz",
      sha256 = "a14aa558c9b09b062fa16acec623b2c8f93d69f5cba4d07f6d0c58913066c427" },
  },
  build = [[
# Hand-written configure; it takes CC/CFLAGS/LDFLAGS from the environment.
# The sysdeps (results of the feature tests) are installed too: packages
# built on skalibs read them with --with-sysdeps.
./configure --prefix=/usr --libdir=/usr/lib --includedir=/usr/include \
  --sysdepdir=/usr/lib/skalibs/sysdeps \
  --disable-shared --enable-static
make -j"$JOBS"
make install DESTDIR="$DESTDIR"
]],
}
