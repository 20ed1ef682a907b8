-- kbd: console keymaps and fonts (loadkeys, setfont, kbd_mode, ...).
-- s6-boot's keymap service runs loadkeys with config.lua's keymap.
return {
  name = "kbd",
  version = "2.6.4",
  description = "Console keyboard and font tools, keymaps",
  license = "GPL-2.0-or-later",
  homepage = "https://kbd-project.org/",
  sources = {
    -- sha256 from the ix distribution's kbd recipe (its fetch block records the sha256).
    { url = "https://mirrors.edge.kernel.org/pub/linux/utils/kbd/kbd-2.6.4.tar.xz",
      sha256 = "519f8d087aecca7e0a33cd084bef92c066eb19731666653dcc70c9d71aa40926" },
  },
  build_style = "configure",
  configure_args = { "--disable-vlock", "--disable-tests" },
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  post_install = [[
rm -rf "$DESTDIR/usr/include" "$DESTDIR/usr/lib/pkgconfig" "$DESTDIR"/usr/lib/*.la
]],
}
