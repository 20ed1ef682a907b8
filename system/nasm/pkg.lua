-- nasm: the assembler of ffmpeg's x86 SIMD code.
return {
  name = "nasm",
  version = "2.15.05",
  description = "x86 assembler",
  license = "BSD-2-Clause",
  homepage = "https://www.nasm.us/",
  sources = {
    -- sha256 from Void Linux srcpkgs/nasm/template.
    { url = "https://www.nasm.us/pub/nasm/releasebuilds/2.15.05/nasm-2.15.05.tar.xz",
      sha256 = "3caf6729c1073bf96629b57cee31eeb54f4f8129b01902c73428836550b30a3f" },
  },
  build = [[
./configure --prefix=/usr
make -j"$JOBS" nasm ndisasm
install -D -m 0755 nasm "$DESTDIR/usr/bin/nasm"
install -D -m 0755 ndisasm "$DESTDIR/usr/bin/ndisasm"
]],
}
