-- bison: the GNU parser generator (grub, the kernel's kconfig/dtc, flex
-- users).
return {
  name = "bison",
  version = "3.8.2",
  description = "GNU parser generator",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/bison/",
  sources = {
    -- Mirror-only: Debian's +dfsg repack of GNU bison 3.8.2 (orig tarball of Debian source package bison 2:3.8.2+dfsg-1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "bison_3.8.2+dfsg.orig.tar.xz",
      sha256 = "dff8a3c96dd34121828f62a7fa49e1f7765815b89e59f564e8d2a9e71c177be5" },
  },
  build_deps = { "m4" },
  deps = { "m4" },
  build_style = "configure",
  configure_args = { "M4=/usr/bin/m4" },
  -- Debian's +dfsg repack has no manual (doc/bison.texi): the info pages and the
  -- example grammars extracted from the manual leave the build.
  pre_configure = [[
sed -i -e 's/^extracted = .*/extracted =/' -e '/^\t\$(calcxx_extracted) \$(simple_extracted)$/d' \
  -e 's/^\(mfcalc\|rpcalc\|simple\)_sources = .*/\1_sources =/' -e 's/^INFO_DEPS = .*/INFO_DEPS =/' \
  -e 's/^all-local: .*info\.bak$/all-local:/' Makefile.in
if grep -Eq '^(all-local: .*info|INFO_DEPS = .)' Makefile.in; then echo "the manual is still in the build" >&2; exit 1; fi
]],
  post_install = [[
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/doc"
]],
}
