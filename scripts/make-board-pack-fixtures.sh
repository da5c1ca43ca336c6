#!/usr/bin/env bash
# Regenerates test/fixtures/board-pack/: the board pack `vfm consolidate` writes for the consolidate
# fixtures, and what LibreOffice Calc makes of it, so the interop test (test/interop/board-pack.test.ts)
# checks our charts and hyperlinks with a program other than ours. CI does not run this (it has no
# LibreOffice): it uses the committed files. See docs/interop.md, "The board pack".
#
# Writes:
#   board-pack.xlsx          ours: `vfm consolidate` over test/fixtures/consolidate (the files in
#                            known-totals.json order) with --target-rate 3% --baseline 12.6bn, exactly
#                            as test/cli/consolidate.test.ts runs it (that test checks it is current)
#   board-pack.ods           LibreOffice's conversion of it to OpenDocument (its charts and links)
#   board-pack.resaved.xlsx  LibreOffice's re-save of it as .xlsx
#
# Needs: soffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc), python3, node
# and the project's node_modules.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/test/fixtures/board-pack"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=libreoffice/common.sh
source "$ROOT/scripts/libreoffice/common.sh"

cd "$ROOT"
npx tsc -p tsconfig.cli.json
mapfile -t FILES < <(node -e 'for (const f of require("./test/fixtures/consolidate/known-totals.json").files) console.log(`test/fixtures/consolidate/${f}`)')
mkdir -p "$WORK/in" "$WORK/ods" "$WORK/xlsx" "$OUT"
# Exit status 2: one of the files is unreadable on purpose.
node bin/vfm.js consolidate "${FILES[@]}" --target-rate 3% --baseline 12.6bn --out "$WORK/in/board-pack.xlsx" >/dev/null 2>&1 || [ $? -eq 2 ]
convert ods "$WORK/ods" "$WORK/in/board-pack.xlsx"
convert xlsx "$WORK/xlsx" "$WORK/in/board-pack.xlsx"
cp "$WORK/in/board-pack.xlsx" "$OUT/board-pack.xlsx"
cp "$WORK/ods/board-pack.ods" "$OUT/board-pack.ods"
cp "$WORK/xlsx/board-pack.xlsx" "$OUT/board-pack.resaved.xlsx"
echo "Wrote $OUT ($LIBREOFFICE_VERSION)"
