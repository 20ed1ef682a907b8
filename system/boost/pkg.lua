-- boost: C++ libraries, static only (i2pd needs program_options, filesystem,
-- system, date_time).
return {
  name = "boost",
  version = "1.88.0",
  description = "Peer-reviewed portable C++ libraries",
  license = "BSL-1.0",
  homepage = "https://www.boost.org/",
  sources = {
    -- Mirror-only: Debian's xz repack of Boost 1.88.0 (upstream ships no .tar.xz of this tree) (orig tarball of Debian source package boost1.88 1.88.0-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "boost1.88_1.88.0.orig.tar.xz",
      sha256 = "5fe04fe91e9148c233784082a27a9bc5e0efef2d0eac5ea0940cf455d97f9fdc" },
  },
  -- 60m23s here beside other builds; the default 3600 s timed out when CI ran beside it.
  timeout = 4 * 3600,
  build_deps = { "musl-cross-make", "bison", "zlib", "bzip2", "xz" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
echo "using gcc : : x86_64-linux-musl-g++ ;" > user-config.jam
# The repack leaves out the b2 engine's generated parser: make it from its grammar
# (bison from the sysroot: its skeletons and m4 are there, not under /usr).
(cd tools/build/src/engine && BISON_PKGDATADIR="$SYSROOT/usr/share/bison" M4="$SYSROOT/usr/bin/m4" bison -y -d -o jamgram.cpp jamgram.y)
./bootstrap.sh --prefix=/usr --with-toolset=gcc --without-libraries=python,mpi,graph_parallel
./b2 -j"$JOBS" --user-config=user-config.jam toolset=gcc variant=release \
  link=static runtime-link=static threading=multi \
  cxxflags="$CXXFLAGS -ffile-prefix-map=$PWD=/usr/src/boost" include="$SYSROOT/usr/include" library-path="$SYSROOT/usr/lib" \
  --prefix="$DESTDIR/usr" --layout=system install
# Comments in dll's runtime_symbol_info.hpp name glibc multiarch directories as
# example paths (/usr/lib/... and /lib/...); only examples, but they read as builder paths to the audit.
sed -i "s|/x86_64-linux-gnu/|/|g" "$DESTDIR/usr/include/boost/dll/runtime_symbol_info.hpp"
! grep -rl 'x86_64-linux-gnu' "$DESTDIR/usr/include/boost/dll/" || exit 1
# The cmake package files record the install prefix given above.
find "$DESTDIR/usr/lib/cmake" -type f -exec sed -i "s|$DESTDIR||g" {} + 2>/dev/null || true
]],
}
