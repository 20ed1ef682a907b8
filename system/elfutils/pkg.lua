-- elfutils: only libelf (static) from it.
--
-- The elfutils programs (eu-readelf, eu-strip, ...) and libdw/libasm need
-- glibc's argp, fts and obstack; musl has none of them and the standalone
-- ports (argp-standalone, musl-fts, musl-obstack) are not in the source
-- mirror.  libelf itself uses none of the three, so only libelf.a, its
-- headers and libelf.pc are built and installed (what e.g. the kernel's
-- objtool and BPF tooling need).
return {
  name = "elfutils",
  version = "0.188",
  description = "libelf from elfutils: ELF object file access library (static)",
  license = "LGPL-3.0-or-later OR GPL-2.0-or-later",
  homepage = "https://sourceware.org/elfutils/",
  sources = {
    { url = "https://sourceware.org/elfutils/ftp/0.188/elfutils-0.188.tar.bz2",
      sha256 = "fb8b0e8d0802005b9a309c60c1d8de32dd2951b56f0c3a3cb56d21ce01595dff" },
  },
  -- libelf reads compressed ELF sections through zlib (required).
  build_deps = { "zlib" },
  build = [[
# configure refuses to run without argp/fts/obstack; its cached answers are
# given instead ("found in libc"), which is harmless because nothing that is
# built below uses them.
./configure --prefix=/usr --disable-shared --enable-static \
  --disable-nls --disable-debuginfod --disable-libdebuginfod \
  --without-bzlib --without-lzma --without-zstd --disable-demangler \
  ac_cv_search_argp_parse="none required" \
  ac_cv_search_fts_close="none required" \
  ac_cv_search__obstack_free="none required" \
  ac_cv_bad_fts=no
make -C libelf -j"$JOBS" libelf.a
make -C libelf install-libLIBRARIES install-includeHEADERS \
  install-pkgincludeHEADERS DESTDIR="$DESTDIR"
install -d "$DESTDIR/usr/lib/pkgconfig"
install -m 644 config/libelf.pc "$DESTDIR/usr/lib/pkgconfig/libelf.pc"
]],
}
