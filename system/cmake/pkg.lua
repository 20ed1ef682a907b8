-- cmake: the CMake build system (C++, compiled by musl-cross-make's g++).
return {
  name = "cmake",
  version = "4.3.2",
  description = "Cross-platform build system generator",
  license = "BSD-3-Clause",
  homepage = "https://cmake.org/",
  sources = {
    -- sha256 from Homebrew's cmake formula (Formula/c/cmake.rb).
    { url = "https://github.com/Kitware/CMake/releases/download/v4.3.2/cmake-4.3.2.tar.gz",
      sha256 = "b0231eb39b3c3cabdc568c619df78208a7bd95ea10c9b2236d61218bac1b367d" },
  },
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
