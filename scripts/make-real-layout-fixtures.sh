#!/usr/bin/env bash
# Regenerates test/fixtures/real-layouts/ (issue #9): the real-layout corpus and its expected findings.
# CI does not run this (it has no LibreOffice): it uses the committed files.
#
# Needs: soffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc), python3, node
# and the project's node_modules.
#
# 1. scripts/make-real-layout-fixtures.ts writes the exceljs and vfm-writer fixtures and expected.json
#    into the corpus, and the fixtures LibreOffice is to write into a staging folder;
# 2. LibreOffice Calc re-saves each staged file as .xlsx (recalculating it on load), into the corpus;
# 3. every committed fixture is copied with its cached formula results overwritten by a sentinel,
#    opened by LibreOffice and saved as flat ODF; recalculated.json records what LibreOffice
#    calculated for every formula cell (test/real-layouts/corpus.test.ts compares the cached
#    values with it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/test/fixtures/real-layouts"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=libreoffice/common.sh
source "$ROOT/scripts/libreoffice/common.sh"
echo "Using $LIBREOFFICE_VERSION"

mkdir -p "$OUT" "$WORK/staging" "$WORK/poisoned" "$WORK/recalc"
rm -f "$OUT"/*.xlsx
(cd "$ROOT" && npx tsc --strict --outDir "$ROOT/build/real-layouts" --rootDir . --module commonjs --target ES2020 --esModuleInterop --resolveJsonModule --skipLibCheck --types node scripts/make-real-layout-fixtures.ts)
node "$ROOT/build/real-layouts/scripts/make-real-layout-fixtures.js" "$OUT" "$WORK/staging"

while read -r file; do
  [ -n "$file" ] || continue
  convert xlsx "$OUT" "$WORK/staging/$file"
done <"$WORK/staging/resave.txt"

python3 "$ROOT/scripts/libreoffice/recalc.py" poison "$OUT" "$WORK/poisoned"
for file in "$WORK"/poisoned/*.xlsx; do convert fods "$WORK/recalc" "$file"; done
python3 "$ROOT/scripts/libreoffice/recalc.py" collect "$WORK/recalc" "$OUT/recalculated.json" "$LIBREOFFICE_VERSION" \
  "Each cached formula result of every committed fixture was overwritten with -987654.321, the copy opened in LibreOffice Calc with OOXMLRecalcMode=0 (always recalculate) and saved as flat ODF; these are the values LibreOffice calculated. Regenerate with scripts/make-real-layout-fixtures.sh."

echo "Wrote $OUT"
