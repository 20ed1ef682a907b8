-- procps-ng: ps, top, free, kill, vmstat, watch, ... and libproc2.
return {
  name = "procps-ng",
  version = "4.0.2",
  description = "Utilities for /proc: ps, top, free, kill, uptime, vmstat, watch",
  license = "GPL-2.0-or-later AND LGPL-2.1-or-later",
  homepage = "https://gitlab.com/procps-ng/procps",
  sources = {
    { url = "https://downloads.sourceforge.net/project/procps-ng/Production/procps-ng-4.0.2.tar.xz",
      sha256 = "ee3fcd2ea6ff94aa43a81ba5cc7912b7c9615acd2911c7a3d3ea081287fdf47a" },
  },
  -- top, watch and slabtop are curses programs.
  build_deps = { "ncurses" },
  build_style = "configure",
  -- w is left out: it reads utmp, which musl does not keep (and its code needs
  -- glibc's __UT_HOSTSIZE).
  -- configure insists on pkg-config, which the builder does not have.  Its only
  -- pkg-config query here is ncursesw (systemd/elogind are off), answered by
  -- NCURSES_CFLAGS/NCURSES_LIBS given directly; PKG_CONFIG=true only gets past
  -- the "is there a pkg-config" check.
  configure_args = {
    "--sbindir=/usr/bin", "--disable-rpath", "--without-systemd", "--without-elogind",
    "--enable-watch8bit", "--disable-w", "PKG_CONFIG=true",
    "NCURSES_CFLAGS=-DNCURSES_WIDECHAR", "NCURSES_LIBS=-lncursesw",
  },
  -- libtool: -all-static (at make time) for fully static programs.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/doc"
]],
}
