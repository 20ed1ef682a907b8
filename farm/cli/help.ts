import { GLOBAL_OPTIONS, HELP_OPTION } from './globals.js';
import type { OptionsSpec } from './spec.js';
import { optionLines } from './usage.js';

const VERSION_OPTION = { version: { type: 'boolean', description: "the farm's version" } } as const satisfies OptionsSpec;

/** The overview; each command's own help (`stasis-farm <command> --help`) comes from its spec. */
export const HELP = `stasis-farm — a container-isolated, reproducible build farm for Stasis

Usage: stasis-farm <command> [options]
       stasis-farm <command> --help    (or: stasis-farm help <command>) its arguments and every option

Planning
  graph [--json]                 build order of the selected packages
  plan [--json]                  what would build, and why
  why <pkg> [--json]             a package's cache-key inputs and what changed since the last build
  status [--write FILE]          per-package table: mirror, built, audit, size, build time

Building
  fetch [--offline] [--all]      fetch and verify the sources of the selected packages
  build [PKG...] [--jobs N] [--keep-going] [--offline] [--wait] [--junit FILE]
                                 build the selected packages in containers into workspace/preview;
                                 with PKG...: build those packages and everything they need (from
                                 every recipe in system/, whatever the profile) into the cache
                                 only: the preview is not assembled or replaced; --keep-going: a
                                 failed build or a source that cannot be fetched fails only that
                                 package and its dependents (a cached package needs no source);
                                 the run is recorded in workspace/runs; --junit: a JUnit XML
                                 report, a test case per package
  tests [PATH] [--yaml FILE] [--allowlist FILE] [--profile P] [--junit FILE]
                                 audit a rootfs (default workspace/preview), a directory or a tarball
                                 (warnings, e.g. an unstripped ELF file, are reported, fail nothing);
                                 --junit: a JUnit XML report, a test case per audit rule
  release [--profile P] [--keep-going] [--kernel FILE] [--boot-timeout S] [--allowlist FILE]
          [--junit FILE]
                                 dev -> stage A -> stage B, compare A and B, audit stage B
                                 (as \`tests\` does; findings fail the release), boot stage B
                                 (with --kernel), write
                                 workspace-release-stage-b/dist (boot verdict and serial log
                                 included); a failed boot fails the release with its exit code;
                                 recorded in workspace/runs; --junit: a test case per package
                                 and stage, per package compared, per audit rule
  report [--out FILE] [--run FILE]
                                 one self-contained HTML page of the last build or release
                                 (default workspace/report.html): a timeline of the builds per
                                 slot with the critical path, sizes and times, links to the
                                 logs, the audit and the A/B comparison
  compare <a> <b> [--yaml FILE] [--exclusions FILE] [--diffoscope]
                                 compare two stage workspaces or manifests
  boot [ROOTFS|TARBALL] [--kernel FILE] [--timeout S] [--manifest FILE] [--net] [--disk IMAGE]
                                 boot a rootfs (default workspace/preview) or a release tarball
                                 in qemu from an initramfs and check it from inside (docs/boot.md);
                                 kernel: --kernel, STASIS_KERNEL, or the rootfs's /boot/vmlinuz;
                                 --disk: a disk image through its GRUB, / and /boot checked too
  disk [DIST|ROOTFS|TARBALL] [--out FILE] [--size SIZE] [--boot-size SIZE] [--swap-size SIZE]
       [--kernel FILE] [--manifest FILE]
                                 a bootable disk image (MBR, GRUB for BIOS) laid out as the
                                 rootfs's fstab says, made by its own sfdisk, mke2fs and GRUB in
                                 a container; the same input gives the same bytes (docs/disk.md)
  install DIST|ROOTFS|TARBALL --target DEVICE [--force] [--size SIZE] [--boot-size SIZE]
       [--swap-size SIZE] [--kernel FILE] [--manifest FILE]
                                 that image written to a whole disk, after every guard (a block
                                 device, nothing mounted, no filesystem on it unless --force)
  cache verify [--stage S] [--evict]
                                 re-hash every cache entry, name the corrupt ones (--evict: remove them)
  gc [--yes] [--keep-days N]     reap what the farm leaves behind; a dry run (listing it and the
                                 bytes it holds) unless --yes: the tags of stage images made for
                                 this project's workspaces (stasis-stage:<stage>-<rootfs>-<workspace>)
                                 on images none of them builds with, the image going with its last
                                 tag (never the builder, an image without the farm's labels, nor
                                 another project's tag; one a container uses is kept and named),
                                 and cache entries no stage's last build recorded, older than N
                                 days (default 14). A workspace another stasis-farm holds is left
                                 alone (warning). Disk tools images (stasis-disk-tools:*) older
                                 than N days too. No engine: the cache part still runs; a dry run
                                 warns and exits 0, --yes exits 5

Trusting a release
  sign DIST --key FILE [--signer NAME]
                                 sign DIST/SHA256SUMS with an unencrypted OpenSSH Ed25519 key
                                 (SSHSIG, namespace stasis-release) into SHA256SUMS.<signer>.sig;
                                 the signer defaults to the key's comment
  verify DIST [--signers FILE] [--min-signatures N]
                                 offline: every file against SHA256SUMS, manifest vs SBOM vs
                                 tarball, and N valid signatures (default 1 with --signers) by
                                 keys of an allowed-signers file (ssh-keygen's format)
  challenge DIST [--jobs N] [--offline] [--allowlist FILE]
                                 rebuild the release here from its manifest (the recipe tree
                                 here must be the recorded one) in workspace-challenge/, and
                                 report every package same or different (diffoscope explains
                                 a different rootfs when installed)

Images and sources
  image ensure [--bootstrap]     check the builder image (bootstrap it when missing)
  image bootstrap [--ref REF]    make the Debian+musl builder with mmdebstrap (no registry)
  image import <rootfs.tar> [--ref REF]
                                 import a rootfs tarball as a builder: a Stasis release tarball
                                 as it is, an Alpine minirootfs with images/alpine's toolchain
  image list                     whether the builder images are present
  image copy [REF] --to URL      copy the builder to another engine (unix://, tcp://, ssh://)
                                 through the API, and check its id there
  image load KIT                 load an airgap kit's builder into the engine, check its id
  mirror export [<dir>] [--all] [--profile P] [--with-builder]
                                 copy the sources into a self-describing mirror directory;
                                 --with-builder: and the builder image (an airgap kit)
  mirror verify [<dir>]          re-hash a mirror; report missing, corrupt, unreferenced files
  mirror prune [<dir>] [--yes]   remove unreferenced files (dry run unless --yes)
  mirror serve [<dir>] [--port N] [--host H]
                                 read-only HTTP mirror for other farms (loopback by default)
  mirror torrent [<dir>] --web-seed URL
                                 BitTorrent v1 .torrent + magnet link with a web seed
  config diff                    options added, removed or renamed vs configs/*.example

Global options
${optionLines({ ...GLOBAL_OPTIONS, ...HELP_OPTION, ...VERSION_OPTION }).join('\n')}

Exit codes
  0    success
  1    a build failed, the audit found problems, the stages differ, or a cache entry is corrupt
  2    usage error
  3    invalid config, recipe or profile (the message names file and field), signing key
       or allowed-signers file
  4    sources: checksum mismatch, missing under --offline, unsafe or unreadable archive, fetch failure
  5    container engine or builder image unavailable, a rootfs tarball that cannot be a
       builder (image import: no /bin/sh or no C compiler), or an image copied or loaded
       into an engine that does not have the id it had where it came from
  6    the workspace is locked by another stasis-farm
  10   boot: a check failed in the guest (the check and its output are shown)
  11   boot: kernel panic
  12   boot: timeout (no verdict from the guest in --timeout seconds; the VM was stopped)
  13   boot: unclean shutdown (the guest went down before its checks, or did not power off)
  14   boot: qemu-system-x86_64 missing
  15   boot: kernel missing or not a bzImage
  20   verify/sign: a file differs from SHA256SUMS, is missing, or is not listed in it
  21   verify: the manifest, the SBOM and the rootfs tarball disagree
  22   verify: a signature does not hold, or fewer valid signatures by allowed signers
       than --min-signatures
  23   challenge: refused, the recipe tree here is not the one the release records
  24   challenge: a rebuilt package or the rootfs differs from the release
  25   disk: refused before anything was written (the layout does not fit --size, a type
       mke2fs cannot make, no kernel, or the rootfs lacks grub, e2fsprogs or util-linux)
  26   disk: making the image failed (the tools container's output is shown)
  27   install: the target is refused (not a block device, mounted, or holding a
       filesystem without --force)
  130  interrupted (SIGINT/SIGTERM); containers were removed, nothing partial was cached
`;
