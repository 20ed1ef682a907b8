-- dcron: Dillon's cron daemon (crond, crontab).  crontab is not setuid on
-- Stasis: root edits /var/spool/cron/crontabs.  The s6-rc service is rendered
-- by the farm when config.lua lists "dcron" in services.
return {
  name = "dcron",
  version = "4.5",
  description = "Dillon's lightweight cron daemon",
  license = "GPL-2.0-or-later",
  homepage = "http://www.jimpryor.net/linux/dcron.html",
  sources = {
    -- sha256 from Void Linux srcpkgs/dcron/template (4.5).
    { url = "http://www.jimpryor.net/linux/releases/dcron-4.5.tar.gz",
      sha256 = "9e50edb6f5bd8153b16bad05087d985e5153ce45cc01ae77e7f842213fb4a824" },
  },
  build = [[
make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS" \
  PREFIX=/usr SBINDIR=/usr/bin CRONTABS=/var/spool/cron/crontabs \
  CRONSTAMPS=/var/spool/cron/cronstamps
make install DESTDIR="$DESTDIR" PREFIX=/usr SBINDIR=/usr/bin \
  INSTALL_MANDIR=/usr/share/man CRONTABS=/var/spool/cron/crontabs \
  CRONSTAMPS=/var/spool/cron/cronstamps
chmod 0755 "$DESTDIR/usr/bin/crontab"
install -d -m 0700 "$DESTDIR/var/spool/cron/crontabs" "$DESTDIR/var/spool/cron/cronstamps"
]],
}
