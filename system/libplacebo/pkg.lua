-- libplacebo: the video rendering core of mpv (colour management, scaling,
-- tone mapping).  Built without a GPU API (Stasis has no Mesa): mpv uses its
-- CPU-side helpers; vulkan/opengl can be enabled once a GPU stack exists.
--
-- Its build runs Python scripts (tools/glsl_preproc) that need jinja2 and
-- markupsafe; both are pure-Python sources of this recipe, put on
-- PYTHONPATH (jinja2 3.1.6, markupsafe 2.1.5: their sdists from the
-- projects' GitHub releases).
return {
  name = "libplacebo",
  version = "7.349.0",
  description = "GPU-accelerated video/image rendering primitives (mpv's core)",
  license = "LGPL-2.1-or-later",
  homepage = "https://code.videolan.org/videolan/libplacebo",
  sources = {
    -- Every sha256 here: the file verified against Debian's source archive index,
    -- the upstream release file byte for byte (orig tarballs of libplacebo
    -- 7.349.0-3, fast-float 8.0.0-0.1, jinja2 3.1.6-1, markupsafe 2.1.5-1).
    { url = "https://code.videolan.org/videolan/libplacebo/-/archive/v7.349.0/libplacebo-v7.349.0.tar.gz",
      sha256 = "79120e685a1836344b51b13b6a5661622486a84e4d4a35f6c8d01679a20fbc86" },
    -- fast_float (a git submodule upstream).
    { url = "https://github.com/fastfloat/fast_float/archive/refs/tags/v8.0.0.tar.gz",
      file = "fast_float-8.0.0.tar.gz",
      sha256 = "f312f2dc34c61e665f4b132c0307d6f70ad9420185fa831911bc24408acf625d" },
    { url = "https://github.com/pallets/jinja/releases/download/3.1.6/jinja2-3.1.6.tar.gz",
      sha256 = "0137fb05990d35f1275a587e9aee6d56da821fc83491a0fb838183be43f66d6d" },
    { url = "https://github.com/pallets/markupsafe/releases/download/2.1.5/MarkupSafe-2.1.5.tar.gz",
      sha256 = "d283d37a890ba4c1ae73ffadf8046435c76e7bc2247bbb63c00bd1a709c6544b" },
  },
  build_deps = { "muon", "pkgconf", "python", "musl-cross-make" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# The submodule directory the tarball leaves empty.
rmdir 3rdparty/fast_float 2>/dev/null || rm -rf 3rdparty/fast_float
cp -R /build/src/fast_float-8.0.0 3rdparty/fast_float
export PYTHONPATH=/build/src/jinja2-3.1.6/src:/build/src/MarkupSafe-2.1.5/src
muon setup -Dprefix=/usr -Dlibdir=lib -Dbuildtype=release -Ddefault_library=static \
  -Dvulkan=disabled -Dopengl=disabled -Dd3d11=disabled -Dglslang=disabled \
  -Dshaderc=disabled -Dlcms=disabled -Dlibdovi=disabled \
  -Dunwind=disabled -Ddemos=false -Dtests=false build
samu -C build -j"$JOBS"
DESTDIR="$DESTDIR" muon -C build install
]],
}
