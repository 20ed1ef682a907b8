-- A config.lua for the `boot` profile: a machine driven over its serial console
-- (as under qemu with `stasis-farm boot`), no network, mdevd for device nodes.
-- Copy to config.lua to use it.
-- Every option is checked; an unknown or misspelt option is an error.
return {
  hostname = "stasis-boot",
  -- A zone from tzdata ("UTC", "Europe/Berlin", ...).
  timezone = "UTC",
  locale = "C.UTF-8",
  keymap = "us",
  -- A crypt(3) hash, never plain text: `openssl passwd -6` or `mkpasswd -m sha-512`.
  -- "!" locks the root account (log in with keys only).
  -- This example hash is of the password "stasis": replace it.
  root_password = "$6$stasisexample$KwbuwRQGuc2o8uosbOkOUefaaMQOOIKjqkCX4eUlWKrAuo9Y6vtl7dyihNbnCvcJGVz3jh6WJv3yQc/bzzEQy.",

  kernel = {
    params = { "console=ttyS0,115200" },
    -- The kernel .config, relative to this file; only the linux recipe reads it.
    config = nil,
  },

  filesystem = {
    root = { device = "/dev/sda2", type = "ext4", options = "defaults,noatime" },
    boot = { device = "/dev/sda1", type = "vfat", options = "defaults" },
    swap = nil,
  },

  network = {
    interfaces = {
      -- { name = "eth1", mode = "static", address = "192.168.1.10/24", gateway = "192.168.1.1" },
    },
  },

  wifi = {
    enabled = false,
    interface = "wlan0",
    networks = {
      -- { ssid = "home", passphrase = "correct horse battery" },
    },
  },

  dns = {},

  -- s6-rc services started at boot.
  services = { "mdevd" },
  ttys = { "tty1" },

  -- Package selection: a profile from profiles/, extras in, base packages out.
  profile = "boot",
  include = {},
  exclude = {},
}
