-- tzdata: the time zone database, as source data only.
--
-- The binary TZif files that libc reads from /usr/share/zoneinfo are made by
-- zic, which is part of tzcode (tzcode2026b.tar.gz), a separate tarball that
-- is not in the source mirror.  Using the builder's own zic (Debian's) would
-- make the output depend on the builder image and fail in the stage builds,
-- so this recipe installs the text data instead:
--   /usr/share/tzdata/            the zone source files (africa ... etcetera,
--                                 backward, leapseconds, ...) and version
--   /usr/share/zoneinfo/*.tab     zone.tab, zone1970.tab, zonenow.tab,
--                                 iso3166.tab (plain text, read there by tools)
--   /usr/share/zoneinfo/leap-seconds.list
-- Until TZif files are available, set TZ as a POSIX rule string (e.g.
-- "CET-1CEST,M3.5.0,M10.5.0/3"), which musl handles without any file.
-- Adding tzcode as a second source would let `make install` compile them.
return {
  name = "tzdata",
  version = "2026b",
  description = "Time zone database (source data; not compiled)",
  license = "LicenseRef-tz-public-domain",
  homepage = "https://www.iana.org/time-zones",
  sources = {
    { url = "https://data.iana.org/time-zones/releases/tzdata2026b.tar.gz",
      sha256 = "114543d9f19a6bfeb5bca43686aea173d38755a3db1f2eec112647ae92c6f544" },
  },
  toolchain = false,
  build = [[
# The tarball has no top directory: the build runs in /build/src.
d="$DESTDIR/usr/share/tzdata"
z="$DESTDIR/usr/share/zoneinfo"
install -d "$d" "$z"
for f in africa antarctica asia australasia europe northamerica southamerica \
         etcetera factory backward backzone leapseconds leap-seconds.list \
         version LICENSE NEWS; do
  install -m 644 "$f" "$d/$f"
done
for f in zone.tab zone1970.tab zonenow.tab iso3166.tab leap-seconds.list; do
  install -m 644 "$f" "$z/$f"
done
]],
}
