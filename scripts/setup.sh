#!/usr/bin/env bash
# Installs what the WeClick workbench needs and builds it: the one set-up path (README.md).
#
#   scripts/setup.sh            install missing Debian packages, build src/native and the .NET solution
#   scripts/setup.sh --quiet    the same, printing only what it does (used by ./weclick and ./run-tests)
#
# Idempotent: with nothing missing and no source changed since the last build it returns in well
# under a second. Needs root (or password-less sudo) only when a Debian package is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QUIET=0
[[ "${1:-}" == "--quiet" ]] && QUIET=1

say() { [[ $QUIET == 1 ]] || echo "setup: $*" >&2; }  # stderr: stdout belongs to the command (`./weclick ... --json > file`)
fail() { echo "setup: error: $*" >&2; exit 1; }

# 1. Debian packages. libopencv-dev: OpenCV behind the native shim; cmake/g++: the shim (libtorch comes with the
#    TorchSharp NuGet package); patchelf: the Debian 12 compatibility step for TorchSharp's libLibTorchSharp.so;
#    python3-torch/-torchvision: PyTorch reference values and speed baselines in tests and benchmarks.
#    libzmq5: ZeroMQ for the Jupyter kernel; jupyter-client/-nbconvert, python3-nbclient: the real Jupyter stack the
#    notebook tests drive; chromium: the browser check of exported notebooks; nodejs/npm: plotly.js (below).
#    jupyter-notebook (Notebook 6; Debian 12 has no JupyterLab), python3-selenium and chromium-driver: the live-session test
#    serves a notebook and uses it through headless Chromium (chromium-driver comes from chromium's own source package,
#    so apt keeps the two at the same version).
APT_PACKAGES=(cmake g++ make pkg-config patchelf libopencv-dev python3 python3-numpy python3-torch python3-torchvision python3-pil
              libzmq5 jupyter-client jupyter-nbconvert python3-nbclient chromium
              jupyter-notebook python3-selenium chromium-driver)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)
missing=()
for package in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if (( ${#missing[@]} > 0 )); then
    if [[ $EUID -eq 0 ]]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=(sudo)
    else
        fail "these Debian packages are missing: ${missing[*]}
Run, as root:  apt-get update && apt-get install -y ${missing[*]}
then run this script again."
    fi
    echo "setup: installing Debian packages: ${missing[*]}" >&2
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. plotly.js for figures (package.json pins plotly.js-dist-min); reports and notebooks load it from here, no CDN.
if [[ ! -f "$ROOT/node_modules/plotly.js-dist-min/plotly.min.js" ]]; then
    say "installing plotly.js (npm)"
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm install failed in $ROOT (plotly.js-dist-min); run it by hand to see why."
fi

# 3. The .NET SDK (not a Debian package; see environment.md).
if ! command -v dotnet >/dev/null 2>&1; then
    fail "the .NET 10 SDK is not installed (dotnet is not on PATH). Install it as environment.md, 'The .NET SDK', describes, then run this script again."
fi

# 4. Build (CMake for src/native runs inside dotnet build). Skipped when nothing changed since the last build.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
STAMP="$ROOT/build/.setup-stamp"
# The engine package: WECLICK_TORCH_BACKEND=cuda builds on TorchSharp-cuda-linux (environment.md, "CUDA"); cpu by default.
BACKEND="${WECLICK_TORCH_BACKEND:-cpu}"
[[ "$BACKEND" == cpu || "$BACKEND" == cuda ]] || fail "WECLICK_TORCH_BACKEND must be cpu or cuda (got '$BACKEND')."
CLI="$ROOT/src/WeClick.Cli/bin/Release/net10.0/weclick"
# 5. The ImageNet ResNet-18 the presets' teachers start from, imported once from the NuGet package the build restored
#    (Microsoft.ML.DnnImageFeaturizer.ResNet18; `weclick weights import`, about a second).
import_weights() {
    local weights="$ROOT/data/weights/resnet18_imagenet.safetensors"
    if [[ ! -f "$weights" ]]; then
        "$CLI" weights import --out "$weights" > /dev/null \
            || fail "importing the ImageNet ResNet-18 into $weights failed (see the message above; \`./weclick weights import\` retries)."
        say "imported the ImageNet ResNet-18 into data/weights"
    fi
}
if [[ -f "$STAMP" && -x "$CLI" && "$(cat "$STAMP")" == "$BACKEND" ]]; then
    changed=$(find "$ROOT/src" "$ROOT/tests" "$ROOT/bench" "$ROOT/scripts" "$ROOT/WeClick.Research.sln" "$ROOT/Directory.Build.props" \
        "$ROOT/Directory.Build.targets" \
        "$ROOT/Directory.Packages.props" "$ROOT/global.json" -newer "$STAMP" -type f \
        -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)
    if [[ -z "$changed" ]]; then
        import_weights
        say "up to date"
        exit 0
    fi
fi
echo "setup: building (native shim and .NET solution, Release)" >&2
mkdir -p "$ROOT/build"
if ! dotnet build "$ROOT/WeClick.Research.sln" -c Release -p:TorchBackend="$BACKEND" -nologo -v quiet -clp:ErrorsOnly > "$ROOT/build/build.log" 2>&1; then
    cat "$ROOT/build/build.log" >&2
    fail "the build failed (full log: build/build.log)."
fi
echo "$BACKEND" > "$STAMP"
say "built"
import_weights
