#!/usr/bin/env bash
# Builds the Debian package from an existing build folder and installs it with apt-get,
# which pulls in every dependency. Then checks the installed files as a user would: the
# version, a screenshot of the demo, the desktop entry, the AppStream metainfo, the
# emulator, and a program built against the installed SnowCore.
#
# Run ./scripts/build.sh (or ./scripts/test.sh) first. BUILD_DIR picks another build
# folder, SCREENSHOT another path for the demo screenshot. Installing the package
# needs root, or sudo.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
screenshot=${SCREENSHOT:-/tmp/snowscope-package-demo.png}
app_id=io.github.snowscope.Snowscope

step() { echo "check-package: $*"; }
fail() {
    echo "check-package: FAILED: $*" >&2
    exit 1
}

run_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        fail "installing the package needs root: run this script as root, or install sudo"
    fi
}

[ -f "$build/CPackConfig.cmake" ] || fail "no CPackConfig.cmake in $build: run ./scripts/build.sh first, or set BUILD_DIR"

work=$(mktemp -d)
emulator_pid=
cleanup() {
    if [ -n "$emulator_pid" ]; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# 1. Build the package. The package target first brings the build up to date.
step "building the package in $build"
cmake --build "$build" --target package
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
deb="$build/snowscope_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "the package $deb was not written; see the cpack output above"

# 2. Install it. apt-get reads the file as the unprivileged _apt user, so the copy
# sits in a folder that user may enter. --reinstall replaces an installed package of
# the same version, which a plain install would keep.
step "installing $(basename "$deb")"
chmod 755 "$work"
cp "$deb" "$work/"
run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall "$work/$(basename "$deb")"

depends=$(dpkg-query -W -f='${Depends}' snowscope)
for package in qt6-qpa-plugins libqt6sql6-sqlite libsecret-1-0 libqt6widgets6; do
    [[ ", $depends," == *", $package"[\ ,]* ]] || fail "the package does not depend on $package; Depends: $depends"
done

# 3. The version. It must print without a display.
step "running /usr/bin/snowscope --version"
version_output=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/snowscope --version)
echo "$version_output"
[[ "$version_output" == "Snowscope $version "* ]] || fail "snowscope --version printed \"$version_output\", expected it to start with \"Snowscope $version\""

# 4. The demo in a real X server, through the installed xcb platform plugin. A
# throw-away HOME keeps the demo's data out of the caller's.
step "taking a screenshot of the demo: $screenshot"
mkdir -m 700 -p "$work/home/runtime"
rm -f "$screenshot"
env -u QT_QPA_PLATFORM HOME="$work/home" XDG_RUNTIME_DIR="$work/home/runtime" \
    xvfb-run -a /usr/bin/snowscope --demo --screenshot "$screenshot"
file "$screenshot" | grep -q 'PNG image data' || fail "$screenshot is not a PNG image"

# 5. Desktop integration, from the installed paths.
step "validating the installed desktop entry and metainfo"
desktop-file-validate "/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml"
for icon in scalable/apps/$app_id.svg 16x16/apps/$app_id.png 48x48/apps/$app_id.png 256x256/apps/$app_id.png; do
    [ -f "/usr/share/icons/hicolor/$icon" ] || fail "the icon /usr/share/icons/hicolor/$icon is not installed"
done

# 6. The installed emulator. Its first output line names the port it picked.
step "starting /usr/bin/snow-emulator --port 0"
/usr/bin/snow-emulator --port 0 >"$work/emulator.out" 2>"$work/emulator.err" &
emulator_pid=$!
first_line=
for _ in $(seq 1 300); do
    first_line=$(head -n 1 "$work/emulator.out")
    [[ "$first_line" == "Listening on "* ]] && break
    kill -0 "$emulator_pid" 2>/dev/null || fail "snow-emulator exited before listening: $(cat "$work/emulator.err")"
    sleep 0.1
done
base_url=${first_line#Listening on }
[[ "$base_url" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || fail "snow-emulator did not print \"Listening on http://127.0.0.1:PORT\" within 30 seconds; first line: \"$first_line\""
echo "snow-emulator listens on $base_url"

# 7. A program built against the installed SnowCore only: the package registry is
# off, so find_package() cannot pick up a build folder.
step "building examples/consumer against the installed SnowCore"
cmake -S "$here/examples/consumer" -B "$work/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
cmake --build "$work/consumer"
snowcore_dir=$(sed -n 's/^SnowCore_DIR:PATH=//p' "$work/consumer/CMakeCache.txt")
[[ "$snowcore_dir" == /usr/* ]] || fail "the consumer found SnowCore in $snowcore_dir, not under /usr"

step "listing five incidents from $base_url"
"$work/consumer/list-incidents" "$base_url" admin admin | tee "$work/incidents.txt"
[ "$(grep -cE '^INC[0-9]+$' "$work/incidents.txt")" -eq 5 ] || fail "list-incidents did not print five incident numbers"

kill "$emulator_pid"
wait "$emulator_pid" || true
emulator_pid=

step "every check passed"
