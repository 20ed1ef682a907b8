-- i2p-bin: the Java I2P router, from the upstream installer jar, under
-- /sucks/i2p-bin.  The IzPack installer runs unattended on jre-bin (from the
-- sysroot) with INSTALL_PATH pointing into $DESTDIR; the paths it writes into
-- its scripts are then rewritten to /sucks/i2p-bin.
return {
  name = "i2p-bin",
  version = "0.9.43",
  description = "I2P anonymous network router (Java, prebuilt), under /sucks",
  license = "GPL-2.0-or-later AND Apache-2.0 AND BSD-3-Clause AND MIT",
  homepage = "https://geti2p.net/",
  sources = {
    -- sha256 from the Arch User Repository's i2p-bin PKGBUILD (0.9.43).
    { url = "https://launchpad.net/i2p/trunk/0.9.43/+download/i2pinstall_0.9.43.jar",
      sha256 = "e5eb3db08dcc594e2fb01ada63303ff48096a454db1c7659c928ddb07736c84a", extract = false },
  },
  static = false,
  toolchain = false,
  build_deps = { "jre-bin" },
  deps = { "jre-bin" },
  build = [[
java=/build/sysroot/sucks/jre-bin
run_java() {
  "$java/lib/ld-musl-x86_64.so.1" --library-path "$java/lib:$java/lib/server" "$java/bin/java" "$@"
}
echo "INSTALL_PATH=$DESTDIR/sucks/i2p-bin" > /build/home/install.properties
run_java -Djava.awt.headless=true -jar /build/src/i2pinstall_0.9.43.jar \
  -options /build/home/install.properties
test -f "$DESTDIR/sucks/i2p-bin/i2prouter"
# The installer records its install path: make it the target's.
grep -rl "$DESTDIR" "$DESTDIR/sucks/i2p-bin" | while read -r f; do
  sed -i "s|$DESTDIR||g" "$f"
done
# Native helpers for other platforms are not part of an x86_64 system.
rm -rf "$DESTDIR/sucks/i2p-bin/lib/wrapper/"*win* "$DESTDIR/sucks/i2p-bin/lib/wrapper/"*mac* \
  "$DESTDIR/sucks/i2p-bin/lib/wrapper/"*freebsd* "$DESTDIR/sucks/i2p-bin/Uninstaller" 2>/dev/null || true
cat > "$DESTDIR/sucks/i2p-bin/i2p" <<'SH'
#!/bin/sh
# Run the router in the foreground on jre-bin.
cd /sucks/i2p-bin
exec /sucks/jre-bin/java -Di2p.dir.base=/sucks/i2p-bin -cp "lib/*" net.i2p.router.RouterLaunch "$@"
SH
chmod 0755 "$DESTDIR/sucks/i2p-bin/i2p"
]],
}
