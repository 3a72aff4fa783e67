#!/bin/sh
# Checks the unsupported-syntax corpus against real node: every tests/js_syntax/unsupported
# program is valid JavaScript (node --check accepts it) unless its first line says
# "// node rejects this file too: <reason>" (ES module syntax in a CommonJS file, top-level
# await, plain syntax errors). Prints one line per file and exits 1 on any disagreement.
# Usage: tests/js_syntax/check_with_node.sh [node]
node="${1:-node}"
dir="$(cd "$(dirname "$0")/unsupported" && pwd)"
status=0
accepted=0
rejected=0
for file in "$dir"/*.js; do
    name="$(basename "$file")"
    if head -n 1 "$file" | grep -q '^// node rejects this file too:'; then
        expect=reject
    else
        expect=accept
    fi
    if "$node" --check "$file" >/dev/null 2>&1; then got=accept; else got=reject; fi
    if [ "$got" = accept ]; then accepted=$((accepted + 1)); else rejected=$((rejected + 1)); fi
    if [ "$got" = "$expect" ]; then
        echo "ok      $name (node: $got)"
    else
        echo "MISMATCH $name: expected node to $expect, it did $got"
        status=1
    fi
done
echo "node $("$node" --version): $accepted accepted, $rejected rejected"
exit $status
