#!/usr/bin/env bash
# Makes TorchSharp's native library load on a system whose libstdc++ lacks GLIBCXX_3.4.32 (Debian 12).
#
#   scripts/torchsharp-compat/torchsharp-compat.sh DIR     DIR holds the build output's libLibTorchSharp.so
#
# TorchSharp-cpu 0.107's libLibTorchSharp.so was built with GCC 13 and asks for one symbol of
# GLIBCXX_3.4.32, std::ios_base_library_init(); Debian 12's libstdc++ stops at 3.4.30. Where the system
# libstdc++ has 3.4.32 this script does nothing. Elsewhere it edits the copy in DIR (never the NuGet cache):
#   1. the reference to _ZSt21ios_base_library_initv loses its symbol version (patchelf);
#   2. the GLIBCXX_3.4.32 requirement is marked weak, so its absence is not an error (mark_version_weak.py);
#   3. libweclick_iosinit.so, a no-op definition of the function, becomes a NEEDED library found through
#      the library's $ORIGIN runpath.
# Idempotent: each step checks first, so running it again on an edited copy changes nothing. The build
# (Directory.Build.targets) runs it after every copy to an output folder; `weclick env` reports whether it
# is in effect. Needs patchelf, g++ and python3 (scripts/setup.sh installs them).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${1:?usage: torchsharp-compat.sh DIR (the folder holding libLibTorchSharp.so)}"
LIB="$DIR/libLibTorchSharp.so"
SYMBOL=_ZSt21ios_base_library_initv
VERSION=GLIBCXX_3.4.32
SHIM=libweclick_iosinit.so
fail() { echo "torchsharp-compat: error: $*" >&2; exit 1; }

[[ -f "$LIB" ]] || exit 0

# One edit of DIR at a time: two builds writing the same output folder at once (parallel project builds) must not
# interleave their patchelf runs, which left a library with half its NEEDED entries. The dispose guard's build takes
# the same lock.
exec 9>"$DIR/.weclick-native-edits.lock"
flock 9

# The libstdc++.so.6 the dynamic loader will pick (first in its cache).
# (awk reads all of its input: exiting early would fail the pipeline with SIGPIPE under pipefail.)
system_libstdcxx=$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ && !found { print $NF; found = 1 }' || true)
[[ -n "$system_libstdcxx" ]] || system_libstdcxx=$(g++ -print-file-name=libstdc++.so.6 2>/dev/null || true)
if [[ -f "$system_libstdcxx" ]] && [[ $(grep -ca "$VERSION" "$system_libstdcxx" || true) != 0 ]]; then
    exit 0   # a libstdc++ new enough: nothing to edit
fi
# A libLibTorchSharp that does not ask for the version (another TorchSharp release) needs nothing either.
# (Outputs are read whole before matching: grep -q closing a pipe early would fail it under pipefail.)
versions=$(readelf -V -W "$LIB")
[[ "$versions" == *"Name: $VERSION "* ]] || exit 0

for tool in patchelf g++ python3 readelf; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing; run scripts/setup.sh (it installs it)."
done

# 3a. The one-function library, beside libLibTorchSharp.so.
if [[ ! -f "$DIR/$SHIM" || "$HERE/ios_base_library_init.cpp" -nt "$DIR/$SHIM" ]]; then
    g++ -shared -fPIC -O2 -o "$DIR/$SHIM.tmp" "$HERE/ios_base_library_init.cpp"
    mv -f "$DIR/$SHIM.tmp" "$DIR/$SHIM"
fi
# The edits go to a private copy, renamed over the library at the end: a reader never sees a half-edited file.
# A copy whose dynamic section is damaged (libtorch.so no longer NEEDED) is refused, not edited further.
needed_before=$(patchelf --print-needed "$LIB" 2>/dev/null || true)
[[ $'\n'"$needed_before"$'\n' == *$'\n'libtorch.so$'\n'* ]] || fail "$LIB is damaged (it no longer needs libtorch.so); delete it and rebuild, so that the build copies it again."
WORK="$LIB.$$.edit"
cp -p "$LIB" "$WORK"
trap 'rm -f "$WORK"' EXIT
LIB_FINAL="$LIB"
LIB="$WORK"
# 1. The symbol's version.
symbols=$(readelf --dyn-syms -W "$LIB")
if [[ "$symbols" == *"$SYMBOL@$VERSION"* ]]; then
    patchelf --clear-symbol-version "$SYMBOL" "$LIB"
fi
# 2. The version requirement.
python3 "$HERE/mark_version_weak.py" "$LIB" "$VERSION"
# 3b. NEEDED entry and runpath.
needed=$(patchelf --print-needed "$LIB")
[[ $'\n'"$needed"$'\n' == *$'\n'"$SHIM"$'\n'* ]] || patchelf --add-needed "$SHIM" "$LIB"
runpath=$(patchelf --print-rpath "$LIB")
[[ ":$runpath:" == *':$ORIGIN:'* || ":$runpath:" == *':$ORIGIN/:'* ]] || patchelf --set-rpath "\$ORIGIN:$runpath" "$LIB"
mv -f "$LIB" "$LIB_FINAL"
trap - EXIT
