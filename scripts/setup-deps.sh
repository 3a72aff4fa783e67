#!/usr/bin/env bash
# Installs the Debian packages loopsim builds and tests with, and only those that are
# missing. Idempotent and quiet when everything is present. Run as root (CI is), or
# with sudo available.
set -euo pipefail

packages=(
    cmake ninja-build g++ ccache pkg-config
    nlohmann-json3-dev doctest-dev libbenchmark-dev
    libimgui-dev libglfw3-dev libgl-dev fonts-dejavu-core
    libboost-dev
    xvfb xauth
)
# Optional: duktape is a comparison point for the interpreter benchmarks only.
optional=(duktape)

missing=()
for p in "${packages[@]}" "${optional[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-deps: apt-get is not available; install these packages by hand: ${missing[*]}" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "setup-deps: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi
echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/loopsim-apt.log 2>&1; then
    # Optional packages must not block a build: retry with the required ones only.
    required=()
    for p in "${missing[@]}"; do
        [[ " ${optional[*]} " == *" $p "* ]] || required+=("$p")
    done
    if [ ${#required[@]} -gt 0 ] && ! $sudo apt-get install -y -qq --no-install-recommends "${required[@]}" >>/tmp/loopsim-apt.log 2>&1; then
        echo "setup-deps: apt-get install failed; see /tmp/loopsim-apt.log" >&2
        tail -n 20 /tmp/loopsim-apt.log >&2
        exit 1
    fi
fi
