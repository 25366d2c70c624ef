#!/usr/bin/env bash
# Builds libweclick_torchsharp_guard.so beside a build output's libLibTorchSharp.so. It holds two guards, each with
# its why at the top of its file: dispose_guard.c (environment.md, "TorchSharp's finalizer race") and
# conv_channel_guard.c (environment.md, "AMD CPUs").
#
#   src/native/torchsharp_guard/build.sh DIR    DIR holds the build output's libLibTorchSharp.so
#
# The guard links against that very libLibTorchSharp.so (a NEEDED entry, found through the $ORIGIN runpath), so
# every symbol it does not define resolves there. Rebuilt only when missing or older than a source, so it is
# cheap to run after every copy to an output folder (Directory.Build.targets does). Needs gcc (scripts/setup.sh).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${1:?usage: build.sh DIR (the folder holding libLibTorchSharp.so)}"
SOURCES=("$HERE/dispose_guard.c" "$HERE/conv_channel_guard.c")
OUT="$DIR/libweclick_torchsharp_guard.so"

[[ -f "$DIR/libLibTorchSharp.so" ]] || exit 0
exec 9>"$DIR/.weclick-native-edits.lock"   # the compatibility step's lock: never link against a half-edited library
flock 9
up_to_date=1
for input in "${SOURCES[@]}" "$DIR/libLibTorchSharp.so"; do
    [[ -f "$OUT" && ! "$input" -nt "$OUT" ]] || up_to_date=0
done
((up_to_date)) && exit 0
rm -f "$DIR/libweclick_dispose_guard.so"  # the guard's name before the convolution guard joined it
command -v gcc >/dev/null 2>&1 || { echo "torchsharp-guard: error: gcc is missing; run scripts/setup.sh (it installs it)." >&2; exit 1; }
# A private temporary name: parallel builds of several projects may target the same folder.
tmp="$OUT.$$.tmp"
gcc -shared -fPIC -O2 -Wall -Wextra -fvisibility=hidden -o "$tmp" "${SOURCES[@]}" \
    -L"$DIR" -Wl,--no-as-needed -l:libLibTorchSharp.so -Wl,-rpath,'$ORIGIN' -lpthread
mv -f "$tmp" "$OUT"
