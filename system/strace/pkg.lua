-- strace: trace system calls and signals.
return {
  name = "strace",
  version = "6.14",
  description = "System call tracer",
  license = "LGPL-2.1-or-later",
  homepage = "https://strace.io/",
  sources = {
    -- sha256 from Homebrew's strace formula (Formula/s/strace.rb).
    { url = "https://github.com/strace/strace/releases/download/v6.14/strace-6.14.tar.xz",
      sha256 = "244f3b5c20a32854ca9b7ca7a3ee091dd3d4bd20933a171ecee8db486c77d3c9" },
  },
  build_style = "configure",
  -- No multiple-personality support (x86_64 only, no 32-bit libc headers).
  configure_args = { "--enable-mpers=no", "--disable-gcc-Werror" },
}
