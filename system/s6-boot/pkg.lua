-- s6-boot: how a Stasis machine boots.  s6-linux-init is stage 1 (pid 1
-- becomes s6-svscan); its rc.init compiles the s6-rc service database and
-- brings up the "default" bundle; rc.shutdown takes it down again.
-- Local package: the scripts are files beside this recipe.
--
-- Services installed as s6-rc sources under /etc/s6-rc/source:
--   mount-kernel-fs  proc, sys, devpts, shm
--   mount-fs         root read-write, fstab, swap       (after mount-kernel-fs)
--   hostname         from /etc/hostname                  (after mount-kernel-fs)
--   keymap           loadkeys from /etc/stasis/keymap    (after mount-fs; kbd, when installed)
--   boot             bundle of the above
-- The farm renders, at assembly, the services config.lua enables (each
-- depending on "boot"), the "default" bundle (boot + those services + gettys),
-- /etc/hostname, /etc/fstab, /etc/stasis/keymap and the locale in
-- /etc/s6-linux-init/current/env/LANG (the supervision tree's environment).
return {
  name = "s6-boot",
  version = "1",
  description = "Boot scripts and base s6-rc services for s6-linux-init",
  license = "0BSD",
  sources = {},
  files = {
    "rc.init", "runlevel", "rc.shutdown", "rc.shutdown.final",
    "mount-kernel-fs", "mount-fs", "hostname", "keymap",
  },
  build_deps = { "s6-linux-init", "s6", "execline" },
  -- busybox provides sh, awk, mount, umount, mountpoint, swapon and getty;
  -- kbd's loadkeys is used when kbd is installed (base has it).
  deps = { "s6-linux-init", "s6", "s6-rc", "execline", "busybox" },
  toolchain = false,
  build = [[
skel="$DESTDIR/etc/s6-linux-init/skel"
mkdir -p "$skel"
for f in rc.init runlevel rc.shutdown rc.shutdown.final; do
  install -m 0755 "/build/files/$f" "$skel/$f"
done

# The init directory, made here (not on the target) so that the rootfs is
# complete as assembled.  -1: also log to /dev/console; -G: an early getty on
# tty12 in case the s6-rc services never come up; -d: mount a devtmpfs on /dev
# (the kernel mounts none for an initramfs); -c: where it is installed.
# (The maker records the basedir it is given, so -c names the final path and
# the output is moved there.)
s6-linux-init-maker -1 -G "getty 38400 tty12" -d /dev -c /etc/s6-linux-init/current \
  -p /usr/bin:/usr/sbin:/bin:/sbin -f "$skel" "$PWD/current"
mv current "$DESTDIR/etc/s6-linux-init/current"
mkdir -p "$DESTDIR/etc/s6-linux-init/current/env"

# SysV-compatible names: the kernel runs /sbin/init.
mkdir -p "$DESTDIR/sbin"
for t in init halt poweroff reboot shutdown telinit; do
  ln -s "../etc/s6-linux-init/current/bin/$t" "$DESTDIR/sbin/$t"
done

libexec="$DESTDIR/usr/libexec/s6-boot"
mkdir -p "$libexec"
for f in mount-kernel-fs mount-fs hostname keymap; do
  install -m 0755 "/build/files/$f" "$libexec/$f"
done

src="$DESTDIR/etc/s6-rc/source"
oneshot() { # name, dependencies...
  name=$1; shift
  mkdir -p "$src/$name/dependencies.d"
  echo oneshot > "$src/$name/type"
  echo "/usr/libexec/s6-boot/$name" > "$src/$name/up"
  for d in "$@"; do : > "$src/$name/dependencies.d/$d"; done
}
oneshot mount-kernel-fs
oneshot mount-fs mount-kernel-fs
oneshot hostname mount-kernel-fs
oneshot keymap mount-fs
mkdir -p "$src/boot/contents.d"
echo bundle > "$src/boot/type"
for s in mount-kernel-fs mount-fs hostname keymap; do : > "$src/boot/contents.d/$s"; done
]],
}
