#!/usr/bin/env bash
# Installs what is needed, builds Snowscope and opens it on the built-in demo instance.
# Extra arguments go to snowscope, such as --demo-incidents 100000.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
exec "${BUILD_DIR:-$here/build}/src/ui/snowscope" --demo "$@"
