#!/usr/bin/env bash
# The main job on a bundled scenario: `loopsim explain` narrates it step by step, and the
# viewer opens on it when a display is available. While a part is still being built, the
# demo runs the furthest stage that exists, and says which.
# usage: scripts/demo.sh BUILD_DIR SCENARIO
set -euo pipefail
build=${1:?usage: demo.sh BUILD_DIR SCENARIO}
scenario=${2:?usage: demo.sh BUILD_DIR SCENARIO}
loopsim="$build/loopsim"
has() { "$loopsim" help "$1" >/dev/null 2>&1; }

echo "== scenario: $scenario"
sed -n '1,40p' "$scenario"
echo
if has explain; then
    echo "== loopsim explain $scenario"
    "$loopsim" explain "$scenario"
elif has parse; then
    echo "== loopsim parse $scenario   (loopsim explain is not built yet: checking that the scenario is inside loopsim's dialect)"
    "$loopsim" parse "$scenario"
else
    echo "== loopsim --version   (no scenario command is built yet)"
    "$loopsim" --version
fi
if command -v node >/dev/null 2>&1; then
    echo
    echo "== what real node prints for it (node $scenario)"
    node "$scenario" || true
fi
viewer="$build/loopsim-viewer"
if [ -x "$viewer" ] && [ -n "${DISPLAY:-}" ]; then
    echo "== opening the viewer"
    "$viewer" "$scenario"
fi
