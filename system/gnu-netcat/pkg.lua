-- gnu-netcat: GNU netcat (nc, with -e/-c to run programs on connections).
return {
  name = "gnu-netcat",
  version = "0.7.1",
  description = "GNU netcat, the TCP/IP swiss army knife",
  license = "GPL-2.0-or-later",
  homepage = "https://netcat.sourceforge.net/",
  sources = {
    -- sha256 from Homebrew's netcat formula (netcat-0.7.1.tar.bz2).
    { url = "https://downloads.sourceforge.net/project/netcat/netcat/0.7.1/netcat-0.7.1.tar.bz2",
      sha256 = "b55af0bbdf5acc02d1eb6ab18da2acd77a400bafd074489003f3df09676332bb" },
  },
  build_style = "configure",
  -- 2004's config.guess/config.sub predate x86_64-linux-musl: name the system.
  configure_args = { "--build=x86_64-pc-linux-musl", "--host=x86_64-pc-linux-musl" },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info"
]],
}
