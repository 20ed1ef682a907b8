-- boost: C++ libraries, static only (i2pd needs program_options, filesystem,
-- system, date_time).
return {
  name = "boost",
  version = "1.82.0",
  description = "Peer-reviewed portable C++ libraries",
  license = "BSL-1.0",
  homepage = "https://www.boost.org/",
  sources = {
    -- sha256 from Homebrew's boost formula (Formula/b/boost.rb).
    { url = "https://github.com/boostorg/boost/releases/download/boost-1.82.0/boost-1.82.0.tar.xz",
      sha256 = "fd60da30be908eff945735ac7d4d9addc7f7725b1ff6fcdcaede5262d511d21e" },
  },
  build_deps = { "musl-cross-make", "zlib", "bzip2", "xz" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
echo "using gcc : : x86_64-linux-musl-g++ ;" > user-config.jam
./bootstrap.sh --prefix=/usr --with-toolset=gcc --without-libraries=python,mpi,graph_parallel
./b2 -j"$JOBS" --user-config=user-config.jam toolset=gcc variant=release \
  link=static runtime-link=static threading=multi \
  cxxflags="$CXXFLAGS" include="$SYSROOT/usr/include" library-path="$SYSROOT/usr/lib" \
  --prefix="$DESTDIR/usr" --layout=system install
# The cmake package files record the install prefix given above.
find "$DESTDIR/usr/lib/cmake" -type f -exec sed -i "s|$DESTDIR||g" {} + 2>/dev/null || true
]],
}
