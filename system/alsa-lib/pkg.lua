-- alsa-lib: the ALSA library (static; its configuration in /usr/share/alsa).
return {
  name = "alsa-lib",
  version = "1.2.14",
  description = "Advanced Linux Sound Architecture library",
  license = "LGPL-2.1-or-later",
  homepage = "https://www.alsa-project.org/",
  sources = {
    -- sha256 from Homebrew's alsa-lib formula (alsa-lib-1.2.14.tar.bz2).
    { url = "https://www.alsa-project.org/files/pub/lib/alsa-lib-1.2.14.tar.bz2",
      sha256 = "be9c88a0b3604367dd74167a2b754a35e142f670292ae47a2fdef27a2ee97a32" },
  },
  build_style = "configure",
  -- libtool drops a plain -static when it links programs; -all-static keeps them static.
  make_build_args = { "LDFLAGS=$LDFLAGS -all-static" },
  configure_args = {
    "--disable-python", "--without-debug", "--disable-aload", "--with-versioned=no",
  },
}
