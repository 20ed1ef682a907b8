-- rootfs-layout: the directory hierarchy of a Stasis system and the few files
-- no upstream package owns (os-release, profile, shells, the /bin -> usr/bin
-- merge).  Local package: no sources, its files live beside this recipe.
--
-- The classic split (/bin, /sbin, /usr/bin, /usr/sbin) is kept as real
-- directories: upstream build systems install into all four, and a merged /usr
-- would make every such package conflict with this one at assembly.
-- Files rendered from config.lua at assembly (hostname, passwd, shadow,
-- fstab, resolv.conf, ...) are not here: they never enter a package build.
return {
  name = "rootfs-layout",
  version = "1",
  description = "Filesystem hierarchy, os-release, profile and shells",
  license = "0BSD",
  sources = {},
  files = { "os-release", "profile", "shells" },
  toolchain = false,
  build = [[
d="$DESTDIR"
for p in bin boot dev etc etc/profile.d home lib mnt opt proc run sbin srv sys \
         usr usr/bin usr/include usr/lib usr/libexec usr/sbin usr/share \
         usr/share/man var var/cache var/empty var/lib var/log var/spool; do
  mkdir -p "$d/$p"
  chmod 0755 "$d/$p"
done
# Writable by all, sticky: only the owner may remove a file.
mkdir -p "$d/tmp" "$d/var/tmp"
chmod 1777 "$d/tmp" "$d/var/tmp"
# root's home and the empty chroot directory used by privilege-separated daemons.
mkdir -p "$d/root"
chmod 0700 "$d/root"
chmod 0555 "$d/var/empty"
# /run is the one place for runtime state (a tmpfs at boot).
ln -s ../run "$d/var/run"
install -m 0644 /build/files/os-release "$d/usr/lib/os-release"
ln -s ../usr/lib/os-release "$d/etc/os-release"
install -m 0644 /build/files/profile "$d/etc/profile"
install -m 0644 /build/files/shells "$d/etc/shells"
]],
}
