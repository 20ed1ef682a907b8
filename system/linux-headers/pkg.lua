-- linux-headers: the kernel's sanitized user-space headers (<linux/...>,
-- <asm/...>) in /usr/include, for programs that talk to the kernel directly
-- (s6-linux-init's linux/kd.h, mdevd, s6-linux-utils).  Every stage builds
-- with these, not with whatever headers the builder image carries.
--
-- Source: mirror-only.  The shared mirror's linux-headers-6.1.176.tar.xz was
-- generated from Linux 6.1.176 with `make headers_install ARCH=x86_64` (the
-- same kind of file as musl-cross-make's linux-headers tarballs); its
-- PROVENANCE.md records the kernel tarball's sha256 and how it was made.
return {
  name = "linux-headers",
  version = "6.1.176",
  description = "Linux kernel user-space API headers",
  license = "GPL-2.0-only WITH Linux-syscall-note",
  homepage = "https://www.kernel.org/",
  sources = {
    { file = "linux-headers-6.1.176.tar.xz",
      sha256 = "b12109647b6bdbc26fa6dfb378b0c9d62721297d93aedec2b930034537e38150" },
  },
  toolchain = false,
  build = [[
mkdir -p "$DESTDIR/usr"
cp -R include "$DESTDIR/usr/include"
test -f "$DESTDIR/usr/include/linux/kd.h"
]],
}
