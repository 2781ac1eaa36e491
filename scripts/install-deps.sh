#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build, run and test Snowscope.
# The list lives in packaging/debian-build-deps.txt, shared with CI.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
packages=$(grep -vE '^[[:space:]]*(#|$)' "$here/packaging/debian-build-deps.txt" | tr '\n' ' ')

run_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "install-deps: run this script as root, or install sudo" >&2
        exit 1
    fi
}

missing=$(dpkg-query -W -f='${Status} ${Package}\n' $packages 2>/dev/null | awk '$3 == "installed" { print $4 }' | sort)
wanted=$(printf '%s\n' $packages | sort)
if [ "$missing" = "$wanted" ]; then
    echo "install-deps: every package is installed"
    exit 0
fi

echo "install-deps: installing the packages listed in packaging/debian-build-deps.txt"
run_as_root apt-get update
# shellcheck disable=SC2086
run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages
