-- i2pd: the C++ I2P router (anonymous overlay network).
return {
  name = "i2pd",
  version = "2.53.1",
  description = "I2P router in C++",
  license = "BSD-3-Clause",
  homepage = "https://i2pd.website/",
  sources = {
    -- sha256 from Homebrew's i2pd formula (Formula/i/i2pd.rb).
    { url = "https://github.com/PurpleI2P/i2pd/archive/refs/tags/2.53.1.tar.gz",
      file = "i2pd-2.53.1.tar.gz",
      sha256 = "99c3d739530b08b28a796544ead4254394c7226a873bf813db4e7b3c1524d757" },
  },
  build_deps = { "musl-cross-make", "boost", "openssl", "zlib" },
  deps = { "certs" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
# The plain Makefile; everything static.
make -j"$JOBS" CXX="$CXX" USE_STATIC=yes USE_UPNP=no USE_AESNI=yes \
  CXXFLAGS="$CXXFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS"
install -D -m 0755 i2pd "$DESTDIR/usr/bin/i2pd"
install -D -m 0644 contrib/i2pd.conf "$DESTDIR/etc/i2pd/i2pd.conf"
install -D -m 0644 contrib/tunnels.conf "$DESTDIR/etc/i2pd/tunnels.conf"
mkdir -p "$DESTDIR/usr/share/i2pd"
cp -R contrib/certificates "$DESTDIR/usr/share/i2pd/certificates"
]],
}
