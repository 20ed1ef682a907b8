-- w3m: text-mode web browser (garbage collection from boehm-gc, TLS from
-- openssl).
return {
  name = "w3m",
  version = "0.5.3+git20230121",
  description = "Text-mode web browser and pager",
  license = "MIT",
  homepage = "https://github.com/tats/w3m",
  sources = {
    -- Mirror-only: Debian's snapshot of w3m (its maintained fork) at 2023-01-21 (orig tarball of Debian source package w3m 0.5.3+git20230121-2.1);
    -- not the upstream release file.  sha256 verified against Debian's source archive index.
    { file = "w3m_0.5.3+git20230121.orig.tar.xz",
      sha256 = "974d1095a47f1976150a792fe9c5a44cc821c02b6bdd714a37a098386250e03a" },
  },
  build_deps = { "boehm-gc", "ncurses", "openssl", "zlib" },
  deps = { "certs" },
  build_style = "configure",
  -- w3m's terms.c has its own tentative COLS and LINES, which ncurses's static library
  -- defines too: -fcommon lets the linker merge them (gcc 10+ defaults to -fno-common).
  pre_configure = [[
export CFLAGS="$CFLAGS -fcommon"
]],
  configure_args = {
    "--libexecdir=/usr/libexec", "--with-gc=$SYSROOT/usr", "--with-ssl=$SYSROOT/usr",
    "--with-termlib=ncursesw", "--disable-image", "--without-x", "--disable-w3mmailer",
  },
}
