-- The smallest self-hosting closure: a C compiler (tinycc), its C library
-- (musl), a shell and userland (busybox) and GNU make, all static, all built
-- from source.  In the dev stage the builder's gcc builds it; in stages a and b
-- the closure rebuilds itself (and stage a == stage b, bit for bit).
-- See tiny.md for the design, every patch and the measurements.
return {
  description = "Self-hosting minimal closure: tcc + musl + busybox + make (static)",
  packages = { "musl", "tcc", "busybox", "make" },
}
