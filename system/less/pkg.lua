-- less: the pager.
return {
  name = "less",
  version = "590",
  description = "Terminal pager with backward movement and search",
  license = "GPL-3.0-or-later OR BSD-2-Clause",
  homepage = "https://www.greenwoodsoftware.com/less/",
  sources = {
    { url = "https://www.greenwoodsoftware.com/less/less-590.tar.gz",
      sha256 = "6aadf54be8bf57d0e2999a3c5d67b1de63808bb90deb8f77b028eafae3a08e10" },
  },
  build_deps = { "ncurses" },
  build_style = "configure",
  -- --with-regex=posix: musl's regcomp/regexec (no PCRE on this system).
  configure_args = { "--with-regex=posix" },
}
