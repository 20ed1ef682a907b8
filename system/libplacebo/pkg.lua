-- libplacebo: the video rendering core of mpv (colour management, scaling,
-- tone mapping).  Built without a GPU API (Stasis has no Mesa): mpv uses its
-- CPU-side helpers; vulkan/opengl can be enabled once a GPU stack exists.
--
-- Its build runs Python scripts (tools/glsl_preproc) that need jinja2 and
-- markupsafe; both are pure-Python sources of this recipe, put on
-- PYTHONPATH.  jinja2 3.1.4 and markupsafe 3.0.2 sha256 from Homebrew
-- formula resources (files.pythonhosted.org).
return {
  name = "libplacebo",
  version = "6.338.2",
  description = "GPU-accelerated video/image rendering primitives (mpv's core)",
  license = "LGPL-2.1-or-later",
  homepage = "https://code.videolan.org/videolan/libplacebo",
  sources = {
    -- sha256 from Homebrew's libplacebo formula (v6.338.2).
    { url = "https://code.videolan.org/videolan/libplacebo/-/archive/v6.338.2/libplacebo-v6.338.2.tar.bz2",
      sha256 = "1c02d21720f972cae02111a1286337e9d0e70d623b311a1e4245bac5ce987f28" },
    -- fast_float 6.0.0 (a git submodule upstream): sha256 from the same formula.
    { url = "https://github.com/fastfloat/fast_float/archive/refs/tags/v6.0.0.tar.gz",
      file = "fast_float-6.0.0.tar.gz",
      sha256 = "7e98671ef4cc7ed7f44b3b13f80156c8d2d9244fac55deace28bd05b0a2c7c8e" },
    { url = "https://files.pythonhosted.org/packages/ed/55/39036716d19cab0747a5020fc7e907f362fbf48c984b14e62127f7e68e5d/jinja2-3.1.4.tar.gz",
      sha256 = "4a3aee7acbbe7303aede8e9648d13b8bf88a429282aa6122a993f0ac800cb369" },
    { url = "https://files.pythonhosted.org/packages/b2/97/5d42485e71dfc078108a86d6de8fa46db44a1a9295e89c5d6d4a06e23a62/markupsafe-3.0.2.tar.gz",
      sha256 = "ee55d3edf80167e48ea11a923c7386f4669df67d7994554387f84e7d8b0a2bf0" },
  },
  build_deps = { "muon", "samurai", "pkgconf", "python", "musl-cross-make" },
  build = [[
export CC=x86_64-linux-musl-gcc CXX=x86_64-linux-musl-g++
export PKG_CONFIG_PATH="$SYSROOT/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$SYSROOT"
# The submodule directory the tarball leaves empty.
rmdir 3rdparty/fast_float 2>/dev/null || rm -rf 3rdparty/fast_float
cp -R /build/src/fast_float-6.0.0 3rdparty/fast_float
export PYTHONPATH=/build/src/jinja2-3.1.4/src:/build/src/markupsafe-3.0.2/src
muon setup -Dprefix=/usr -Dlibdir=lib -Dbuildtype=release -Ddefault_library=static \
  -Dvulkan=disabled -Dopengl=disabled -Dd3d11=disabled -Dglslang=disabled \
  -Dshaderc=disabled -Dlcms=disabled -Dlibdovi=disabled \
  -Dunwind=disabled -Ddemos=false -Dtests=false build
samu -C build -j"$JOBS"
DESTDIR="$DESTDIR" muon -C build install
]],
}
