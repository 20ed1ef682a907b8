#!/bin/sh
# toolchain-proof.sh [ROOTFS]: show that the musl-cross-make toolchain in a
# Stasis rootfs compiles, links and runs C and C++ programs on its own.
#
# ROOTFS is a directory (default: workspace/preview, as assembled for the
# `toolchain` profile) or a tarball of one.  It is imported as a throwaway
# image, and a container made from it (network none, nothing from the host
# mounted) compiles a C program and a C++ program (iostream, std::vector,
# std::string, std::thread, exceptions), statically, runs them, and checks
# that the binaries have no program interpreter and no dynamic section.
# Needs only Docker.  Exits non-zero when any step fails.
set -eu

rootfs=${1:-workspace/preview}
ref="stasis-toolchain-proof:$$"
label=org.stasis-farm.kind=toolchain-proof

cleanup() { docker rmi -f "$ref" >/dev/null 2>&1 || true; }
trap cleanup EXIT INT TERM

if [ -d "$rootfs" ]; then
  tar -C "$rootfs" --numeric-owner -cf - . | docker import -c "LABEL $label" - "$ref" >/dev/null
elif [ -f "$rootfs" ]; then
  docker import -c "LABEL $label" "$rootfs" "$ref" >/dev/null
else
  echo "toolchain-proof: no rootfs at $rootfs" >&2
  exit 2
fi

# The proof runs inside the rootfs with its own /bin/sh (busybox).
docker run --rm --network none --label "$label" "$ref" /bin/sh -eu -c '
cd /tmp
echo "## toolchain"
gcc --version | head -n 1
g++ --version | head -n 1
ld --version | head -n 1
echo "target: $(gcc -dumpmachine), C library: $(gcc -print-file-name=libc.a)"

cat > hello.c <<"C"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(void) {
	int v[] = { 5, 3, 9, 1 };
	char buf[64];
	qsort(v, 4, sizeof v[0], cmp);
	snprintf(buf, sizeof buf, "%d %d %d %d", v[0], v[1], v[2], v[3]);
	printf("C: sorted %s, strtod %.2f, %s\n", buf, strtod("2.50", 0), strcmp(buf, "1 3 5 9") ? "FAIL" : "ok");
	return strcmp(buf, "1 3 5 9") != 0;
}
C
cat > hello.cc <<"CC"
#include <algorithm>
#include <iostream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>
struct Oops : std::runtime_error { Oops() : std::runtime_error("thrown and caught") {} };
int main() {
	std::vector<int> v(10);
	std::iota(v.begin(), v.end(), 1);
	std::reverse(v.begin(), v.end());
	int sum = 0;
	std::thread t([&] { sum = std::accumulate(v.begin(), v.end(), 0); });
	t.join();
	std::string caught;
	try { throw Oops(); } catch (const std::exception &e) { caught = e.what(); }
	try { (void)v.at(99); } catch (const std::out_of_range &) { caught += ", out_of_range too"; }
	std::cout << "C++: vector front " << v.front() << ", thread sum " << sum << ", exception " << caught << std::endl;
	return sum == 55 && v.front() == 10 ? 0 : 1;
}
CC

echo "## C"
gcc -static -O2 -Wall -o hello-c hello.c
./hello-c
echo "## C++"
g++ -static -O2 -Wall -o hello-cc hello.cc
./hello-cc

echo "## static?"
for b in hello-c hello-cc; do
	if readelf -l "$b" | grep -q INTERP || readelf -d "$b" | grep -q NEEDED; then
		echo "$b: dynamic (FAIL)"; exit 1
	fi
	echo "$b: static, no interpreter, $(wc -c < "$b") bytes"
done
echo "## the compiler itself"
for b in /usr/bin/gcc /usr/libexec/gcc/*/*/cc1plus /usr/bin/ld; do
	readelf -l "$b" | grep -q INTERP && { echo "$b: dynamic (FAIL)"; exit 1; }
	echo "$b: static"
done
echo "proof: ok"
'
