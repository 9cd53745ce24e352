#!/usr/bin/env bash
# Makes sure the system libraries LithiumKMC builds against are installed:
# libgsl-dev (GNU Scientific Library: random numbers), libpng-dev (PNG pictures; brings zlib) and
# pkg-config (to find them).
# As root it installs them with apt-get; otherwise it prints the exact command to run.
set -euo pipefail
need=()
dpkg -s libgsl-dev >/dev/null 2>&1 || need+=(libgsl-dev)
dpkg -s libpng-dev >/dev/null 2>&1 || need+=(libpng-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
[ "${#need[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "LithiumKMC needs: ${need[*]}. Install them with:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
    exit 1
fi
echo "installing ${need[*]} …" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
