#!/usr/bin/env bash
# Regenerates test/fixtures/consolidate/ (the `vfm consolidate` fixtures): three bodies' returns and a
# file that is not a workbook (test/fixtures/consolidate/generate.ts), then LibreOffice Calc's re-save
# of Harrowgate's return, recalculated on load, so the roll-up reads a return another program wrote.
# CI does not run this (it has no LibreOffice): it uses the committed files. See docs/cli.md,
# "vfm consolidate".
#
# Needs: soffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc), python3, node
# and the project's node_modules.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/test/fixtures/consolidate"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=libreoffice/common.sh
source "$ROOT/scripts/libreoffice/common.sh"

(cd "$ROOT" && npx tsc -p test/fixtures/consolidate/tsconfig.json && node build/consolidate-fixtures/test/fixtures/consolidate/generate.js "$OUT")

mkdir -p "$WORK/in" "$WORK/out"
mv "$OUT/harrowgate-police.xlsx" "$WORK/in/"
convert xlsx "$WORK/out" "$WORK/in/harrowgate-police.xlsx"
cp "$WORK/out/harrowgate-police.xlsx" "$OUT/"
echo "Wrote $OUT (Harrowgate re-saved by $LIBREOFFICE_VERSION)"
