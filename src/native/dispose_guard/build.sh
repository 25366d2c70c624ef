#!/usr/bin/env bash
# Builds libweclick_dispose_guard.so beside a build output's libLibTorchSharp.so (environment.md, "TorchSharp's
# finalizer race"; the why is at the top of weclick_dispose_guard.c).
#
#   src/native/dispose_guard/build.sh DIR     DIR holds the build output's libLibTorchSharp.so
#
# The guard links against that very libLibTorchSharp.so (a NEEDED entry, found through the $ORIGIN runpath), so
# every symbol it does not define resolves there. Rebuilt only when missing or older than its source, so it is
# cheap to run after every copy to an output folder (Directory.Build.targets does). Needs gcc (scripts/setup.sh).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${1:?usage: build.sh DIR (the folder holding libLibTorchSharp.so)}"
SOURCE="$HERE/weclick_dispose_guard.c"
OUT="$DIR/libweclick_dispose_guard.so"

[[ -f "$DIR/libLibTorchSharp.so" ]] || exit 0
exec 9>"$DIR/.weclick-native-edits.lock"   # the compatibility step's lock: never link against a half-edited library
flock 9
if [[ -f "$OUT" && ! "$SOURCE" -nt "$OUT" && ! "$DIR/libLibTorchSharp.so" -nt "$OUT" ]]; then
    exit 0
fi
command -v gcc >/dev/null 2>&1 || { echo "dispose-guard: error: gcc is missing; run scripts/setup.sh (it installs it)." >&2; exit 1; }
# A private temporary name: parallel builds of several projects may target the same folder.
tmp="$OUT.$$.tmp"
gcc -shared -fPIC -O2 -Wall -Wextra -fvisibility=hidden -o "$tmp" "$SOURCE" \
    -L"$DIR" -Wl,--no-as-needed -l:libLibTorchSharp.so -Wl,-rpath,'$ORIGIN' -lpthread
mv -f "$tmp" "$OUT"
