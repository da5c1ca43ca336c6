#!/usr/bin/env bash
# Regenerates test/fixtures/compare/ (the `vfm compare` fixtures): our writer's two quarterly returns
# and layout-only copy (test/fixtures/compare/generate.ts), then LibreOffice Calc's re-save of the Q2
# return, recalculated on load, so a return written by another program is compared too. CI does not
# run this (it has no LibreOffice): it uses the committed files. See docs/cli.md, "vfm compare".
#
# Needs: soffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc), node and the
# project's node_modules.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/test/fixtures/compare"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y --no-install-recommends libreoffice-calc" >&2; exit 1; }

(cd "$ROOT" && npx tsc -p test/fixtures/compare/tsconfig.json && node build/compare-fixtures/test/fixtures/compare/generate.js "$OUT" "$ROOT/examples")

# A fresh profile that recalculates every formula on load (LibreOffice otherwise copies our cached values).
PROFILE="$WORK/profile"
mkdir -p "$PROFILE/user"
cat >"$PROFILE/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

mkdir -p "$WORK/in" "$WORK/out"
cp "$OUT/northmoor-q2.xlsx" "$WORK/in/northmoor-q2-libreoffice.xlsx"
soffice "-env:UserInstallation=file://$PROFILE" --headless --convert-to xlsx --outdir "$WORK/out" "$WORK/in/northmoor-q2-libreoffice.xlsx" >"$WORK/soffice.log" 2>&1 || true
if [ ! -s "$WORK/out/northmoor-q2-libreoffice.xlsx" ]; then
  echo "LibreOffice did not convert northmoor-q2.xlsx:" >&2
  cat "$WORK/soffice.log" >&2
  exit 1
fi
cp "$WORK/out/northmoor-q2-libreoffice.xlsx" "$OUT/"
echo "Wrote $OUT ($(soffice --version | head -n 1))"
