/**
 * What config.lua can ask of the rootfs, and the package that has to be selected for it. Read by
 * the renderer (what to write) and by the preflight checks (what to refuse or warn about), so the
 * two cannot disagree.
 */

/** Services the farm knows how to run under s6-rc: the package that ships each, and its run line. */
export const SERVICES: Readonly<Record<string, { readonly pkg: string; readonly run: string }>> = {
  dhcpcd: { pkg: 'dhcpcd', run: 'exec dhcpcd --nobackground' },
  openntpd: { pkg: 'openntpd', run: 'exec ntpd -d' },
  dropbear: { pkg: 'dropbear', run: 'exec dropbear -F -E -R' },
  acpid: { pkg: 'acpid', run: 'exec acpid -f' },
  dcron: { pkg: 'dcron', run: 'exec crond -f' },
  mdevd: { pkg: 'mdevd', run: 'exec mdevd -C' }, // -C: coldplug (devices present at boot) once ready
  eiwd: { pkg: 'eiwd', run: 'exec iwd' },
};

/** The package behind each setting that is not a named service. */
export const PROVIDERS = {
  /** `network.interfaces[i].mode = "dhcp"`: a dhcpcd service per interface. */
  dhcp: 'dhcpcd',
  /** `wifi.enabled`: iwd (the eiwd package) and its network files. */
  wifi: 'eiwd',
  /** `ttys` and serial consoles: the rendered run line is busybox's `getty BAUD TTY` (busybox.config has CONFIG_GETTY). */
  getty: 'busybox',
  /** `timezone`: the zone names (tzdata's text sources; no compiled zone files yet, see its recipe). */
  zones: 'tzdata',
  /** `keymap`: s6-boot's keymap service runs kbd's loadkeys, and keeps the kernel's keymap without it. */
  keymaps: 'kbd',
} as const;

/** The kernel's built-in keymap: needs no package. */
export const KERNEL_KEYMAP = 'us';
