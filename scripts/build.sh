#!/usr/bin/env bash
# Configures and builds Snowscope, SnowCore, the emulator, tests and benchmarks in
# ./build (override with BUILD_DIR). Extra arguments go to the CMake configure step.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build" --parallel "$(nproc)"
