#!/usr/bin/env bash
# Regenerates test/fixtures/libreoffice/ with LibreOffice Calc, a second program that reads and
# writes .xlsx, so the interop tests (test/interop/) do not rest on our writer and reader agreeing
# with each other. CI does not run this: it uses the committed files. See docs/interop.md.
#
# Needs: soffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc), python3, node
# and the project's node_modules.
#
# Writes:
#   ours/northmoor-police.xlsx, ours/northmoor-police-seeded.xlsx, ours/seeded-defects.json,
#   ours/vfm-template.xlsx
#       the exact files LibreOffice was given, so the tests compare like with like even after the
#       examples or the template change (re-run this script then)
#   resaved/northmoor-police.xlsx, resaved/northmoor-police-seeded.xlsx, resaved/vfm-template.xlsx
#       LibreOffice's re-save of our two examples and of `vfm template` output (recalculated on load)
#   authored/harbourside-council.xlsx
#       LibreOffice's .xlsx of the hand-written authored/harbourside-council.fods
#   recalculated.json
#       every formula cell of our three workbooks as LibreOffice recalculates it
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/test/fixtures/libreoffice"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=libreoffice/common.sh
source "$ROOT/scripts/libreoffice/common.sh"

VERSION="$LIBREOFFICE_VERSION"
echo "Using $VERSION"

# Our three workbooks: the two committed examples and a fresh `vfm template` with its defaults.
mkdir -p "$WORK/ours" "$WORK/resaved" "$WORK/poisoned" "$WORK/recalc" "$WORK/authored"
cp "$ROOT/examples/northmoor-police.xlsx" "$ROOT/examples/northmoor-police-seeded.xlsx" "$WORK/ours/"
(cd "$ROOT" && npx tsc -p tsconfig.cli.json && node bin/vfm.js template "$WORK/ours/vfm-template.xlsx" >/dev/null)
mkdir -p "$OUT/ours"
cp "$WORK"/ours/*.xlsx "$ROOT/examples/seeded-defects.json" "$OUT/ours/"

# (a) LibreOffice's re-save of each.
for file in "$WORK"/ours/*.xlsx; do convert xlsx "$WORK/resaved" "$file"; done
mkdir -p "$OUT/resaved"
cp "$WORK"/resaved/*.xlsx "$OUT/resaved/"

# (b) The independently authored workbook, from its hand-written flat ODF source.
convert xlsx "$WORK/authored" "$OUT/authored/harbourside-council.fods"
cp "$WORK/authored/harbourside-council.xlsx" "$OUT/authored/"

# (c) Recalculation. Every cached formula result in a copy of our files is overwritten with a
# sentinel, so any value LibreOffice reports must be one it calculated itself; the copy is saved as
# flat ODF, whose cells carry LibreOffice's full-precision values, and the formula cells collected.
python3 "$ROOT/scripts/libreoffice/recalc.py" poison "$WORK/ours" "$WORK/poisoned"
for file in "$WORK"/poisoned/*.xlsx; do convert fods "$WORK/recalc" "$file"; done

python3 "$ROOT/scripts/libreoffice/recalc.py" collect "$WORK/recalc" "$OUT/recalculated.json" "$VERSION" \
  "Each cached formula result was overwritten with -987654.321, the file opened in LibreOffice Calc with OOXMLRecalcMode=0 (always recalculate) and saved as flat ODF; these are the values LibreOffice calculated. Regenerate with scripts/make-libreoffice-fixtures.sh."

echo "Wrote $OUT"
