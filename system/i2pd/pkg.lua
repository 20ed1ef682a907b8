-- i2pd: the C++ I2P router (anonymous overlay network).
return {
  name = "i2pd",
  version = "2.56.0",
  description = "I2P router in C++",
  license = "BSD-3-Clause",
  homepage = "https://i2pd.website/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of i2pd 2.56.0-1: the upstream release file, byte for byte).
    { url = "https://github.com/PurpleI2P/i2pd/archive/refs/tags/2.56.0.tar.gz",
      file = "i2pd-2.56.0.tar.gz",
      sha256 = "eb83f7e98afeb3704d9ee0da2499205f73bab0b1becaf4494ccdcbe4295f8550" },
  },
  build_deps = { "musl-cross-make", "boost", "openssl", "zlib" },
  deps = { "certs" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
# The plain Makefile; everything static.  USE_STATIC links the archives by
# path under LIBDIR (/usr/lib/<triplet> by default): the sysroot's.
# Boost's headers name themselves in assertion messages (__FILE__): the sysroot is mapped to /.
make -j"$JOBS" CXX="$CXX" USE_STATIC=yes USE_UPNP=no USE_AESNI=yes LIBDIR="$SYSROOT/usr/lib" \
  CXXFLAGS="$CXXFLAGS $CPPFLAGS -ffile-prefix-map=$SYSROOT/=/" LDFLAGS="$LDFLAGS"
install -D -m 0755 i2pd "$DESTDIR/usr/bin/i2pd"
install -D -m 0644 contrib/i2pd.conf "$DESTDIR/etc/i2pd/i2pd.conf"
install -D -m 0644 contrib/tunnels.conf "$DESTDIR/etc/i2pd/tunnels.conf"
mkdir -p "$DESTDIR/usr/share/i2pd"
cp -R contrib/certificates "$DESTDIR/usr/share/i2pd/certificates"
]],
}
