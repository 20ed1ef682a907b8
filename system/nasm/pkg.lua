-- nasm: the assembler of ffmpeg's x86 SIMD code.
return {
  name = "nasm",
  version = "2.16.03",
  description = "x86 assembler",
  license = "BSD-2-Clause",
  homepage = "https://www.nasm.us/",
  sources = {
    -- sha256 of the file verified against Debian's source archive index (orig tarball
    -- of nasm 2.16.03-1: the upstream release file, byte for byte).
    { url = "https://www.nasm.us/pub/nasm/releasebuilds/2.16.03/nasm-2.16.03.tar.xz",
      sha256 = "1412a1c760bbd05db026b6c0d1657affd6631cd0a63cddb6f73cc6d4aa616148" },
  },
  build = [[
./configure --prefix=/usr
make -j"$JOBS" nasm ndisasm
install -D -m 0755 nasm "$DESTDIR/usr/bin/nasm"
install -D -m 0755 ndisasm "$DESTDIR/usr/bin/ndisasm"
]],
}
