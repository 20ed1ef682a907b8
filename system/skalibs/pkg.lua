-- skalibs: the skarnet.org C library (static only), used by execline & s6.
--
-- Source: Debian's skalibs_2.13.1.1.orig.tar.gz, a `git archive` export of
-- the v2.13.1.1 tag rather than skarnet.org's release tarball, so the URL is
-- Debian's and the sha256 that of this file.
return {
  name = "skalibs",
  version = "2.13.1.1",
  description = "skarnet.org general-purpose C library (static)",
  license = "ISC",
  homepage = "https://skarnet.org/software/skalibs/",
  sources = {
    -- Debian's git-export orig tarball (see above).
    { url = "https://deb.debian.org/debian/pool/main/s/skalibs/skalibs_2.13.1.1.orig.tar.gz",
      file = "skalibs_2.13.1.1.orig.tar.gz",
      sha256 = "e5821fa3378bf7c19d2a3f55570367236a896964d2166a97b5fd8e01b42940ab" },
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
