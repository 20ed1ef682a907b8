-- cmake: the CMake build system (C++, compiled by musl-cross-make's g++).
return {
  name = "cmake",
  version = "3.25.1",
  description = "Cross-platform build system generator",
  license = "BSD-3-Clause",
  homepage = "https://cmake.org/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of cmake 3.25.1-1: the upstream release file, byte for byte).
    { url = "https://github.com/Kitware/CMake/releases/download/v3.25.1/cmake-3.25.1.tar.gz",
      sha256 = "1c511d09516af493694ed9baf13c55947a36389674d657a2d5e0ccedc6b291d8" },
  },
  -- Its bootstrap compiles a whole cmake before the real build: the default hour ran out
  -- at low priority beside other builds.
  timeout = 3 * 3600,
  build_deps = { "musl-cross-make" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
# bootstrap builds cmake with its bundled libraries (no curl/openssl:
# downloads are not what a build on Stasis does).
./bootstrap --prefix=/usr --parallel="$JOBS" --no-qt-gui -- \
  -DCMAKE_USE_OPENSSL=OFF -DBUILD_TESTING=OFF \
  -DCMAKE_EXE_LINKER_FLAGS="-static" -DCMAKE_BUILD_TYPE=Release
make -j"$JOBS"
make install DESTDIR="$DESTDIR"
rm -rf "$DESTDIR/usr/doc" "$DESTDIR/usr/share/emacs" "$DESTDIR/usr/share/vim" "$DESTDIR/usr/share/bash-completion"
]],
}
