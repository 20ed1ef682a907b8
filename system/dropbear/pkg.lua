-- dropbear: small SSH server and client.
return {
  name = "dropbear",
  version = "2022.83",
  description = "Small SSH server and client",
  license = "MIT",
  homepage = "https://matt.ucc.asn.au/dropbear/dropbear.html",
  sources = {
    { url = "https://matt.ucc.asn.au/dropbear/releases/dropbear-2022.83.tar.bz2",
      sha256 = "bc5a121ffbc94b5171ad5ebe01be42746d50aa797c9549a4639894a16749443b" },
  },
  build_deps = { "zlib" },
  build = [[
# No utmp/wtmp/lastlog on this system (musl provides only stubs).
# --disable-harden: dropbear's own hardening flags add -pie, which cannot be
# combined with a fully static link by this toolchain.
./configure --prefix=/usr --sbindir=/usr/bin --enable-static --disable-harden \
  --disable-lastlog --disable-utmp --disable-utmpx --disable-wtmp \
  --disable-wtmpx --disable-pututline --disable-pututxline
# The builder image's musl (Debian's) has no crypt(); without it dropbear
# refuses to build password authentication, so it is switched off and the
# server accepts public keys only.  With a libc that has crypt() (the
# system's own musl), configure finds it and password logins stay enabled.
if ! grep -q "^#define HAVE_CRYPT 1" config.h; then
  echo "#define DROPBEAR_SVR_PASSWORD_AUTH 0" > localoptions.h
fi
# One multi-call binary; the individual names are links to it.
progs="dropbear dbclient dropbearkey dropbearconvert scp"
make -j"$JOBS" PROGRAMS="$progs" MULTI=1
make install DESTDIR="$DESTDIR" PROGRAMS="$progs" MULTI=1
# The install links the program names to /usr/bin/dropbearmulti by absolute
# path; make them relative.
for p in $progs; do
  ln -sf dropbearmulti "$DESTDIR/usr/bin/$p"
done
]],
}
