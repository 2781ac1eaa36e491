#!/usr/bin/env bash
# Installs what is needed, builds everything and runs every test.
#
# Tests run headless (Qt's offscreen platform). The keychain tests need a Secret
# Service, so the tests run inside a private D-Bus session with an unlocked
# gnome-keyring and a throw-away HOME; nothing touches the user's own keychain.
# Extra arguments go to ctest, such as -R tst_client or -L core.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}

"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"

test_home=$(mktemp -d)
trap 'rm -rf "$test_home"' EXIT
export HOME="$test_home"
export XDG_RUNTIME_DIR="$test_home/runtime"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen

ctest_command=(ctest --test-dir "$build" --output-on-failure --timeout 900 "$@")
dbus-run-session -- sh -c 'printf "\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
    run-tests "${ctest_command[@]}"
