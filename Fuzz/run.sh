#!/usr/bin/env bash
# Long fuzzing of the event-log parser, fold and merge with libFuzzer and AddressSanitizer.
# Usage: Fuzz/run.sh [SECONDS]   (default 300). Crashes are written to Fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One module: the store's sources import BoardModel, which is now the same module.
for file in Sources/BoardModel/*.swift Sources/BoardStore/*.swift; do
  sed 's/^import BoardModel$//' "$file" > "$work/$(basename "$file")"
done
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name LanesFuzz \
  "$work"/*.swift Fuzz/FuzzMain.swift -o "$work/lanes-fuzz"
mkdir -p Fuzz/corpus Fuzz/crashes
"$work/lanes-fuzz" Fuzz/corpus -artifact_prefix=Fuzz/crashes/ -max_total_time="$seconds"
