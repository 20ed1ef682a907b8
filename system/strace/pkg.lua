-- strace: trace system calls and signals.
return {
  name = "strace",
  version = "6.1",
  description = "System call tracer",
  license = "LGPL-2.1-or-later",
  homepage = "https://strace.io/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of strace 6.1-0.1: the upstream release file, byte for byte). (6.13 is only a +ds repack.)
    { url = "https://github.com/strace/strace/releases/download/v6.1/strace-6.1.tar.xz",
      sha256 = "2579e9cec37dbb786f6ea0bebd15f40dd561ef2bde2a2a2ecdce5963b01859fd" },
  },
  -- The kernel's uapi headers beyond linux/ and asm/ (mtd/, rdma/, ...), which the
  -- builder's musl does not carry.
  build_deps = { "linux-headers" },
  build_style = "configure",
  -- No multiple-personality support (x86_64 only, no 32-bit libc headers).
  configure_args = { "--enable-mpers=no", "--disable-gcc-Werror" },
}
