#!/usr/bin/env bash
# Builds the libFuzzer target with clang in ./build-fuzz and fuzzes the JSON reader for
# a bounded time (default 60 seconds; pass another number of seconds as $1).
# New inputs go to build-fuzz/corpus; crashes to build-fuzz/crash-*. Turn any crash
# into a test case in tests/core/tst_jsonstreamreader.cpp.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build="$here/build-fuzz"

CXX=clang++ CC=clang cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSNOW_BUILD_FUZZ=ON -DSNOW_BUILD_UI=OFF -DSNOW_BUILD_EMULATOR=OFF -DSNOW_BUILD_EXAMPLES=OFF \
    -DSNOW_BUILD_BENCH=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target fuzz_jsonstreamreader

mkdir -p "$build/corpus"
cd "$build"
./fuzz/fuzz_jsonstreamreader -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -dict="$here/fuzz/json.dict" corpus "$here/fuzz/corpus"
