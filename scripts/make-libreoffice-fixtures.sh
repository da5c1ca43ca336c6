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

command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y --no-install-recommends libreoffice-calc" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 1; }

# A fresh profile (no lock clashes with a running LibreOffice) that recalculates every formula when a
# file is loaded. By default LibreOffice 7.x never recalculates an .xlsx on load, whatever
# fullCalcOnLoad says, and would simply copy our cached values back out.
PROFILE="$WORK/profile"
mkdir -p "$PROFILE/user"
cat >"$PROFILE/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

# convert FORMAT OUTDIR FILE: fails unless LibreOffice actually wrote the converted file.
convert() {
  local format="$1" outdir="$2" file="$3"
  local expected
  expected="$outdir/$(basename "${file%.*}").$format"
  rm -f "$expected"
  soffice "-env:UserInstallation=file://$PROFILE" --headless --convert-to "$format" --outdir "$outdir" "$file" >"$WORK/soffice.log" 2>&1 || true
  if [ ! -s "$expected" ]; then
    echo "LibreOffice did not convert $file to $format:" >&2
    cat "$WORK/soffice.log" >&2
    exit 1
  fi
}

VERSION="$(soffice --version | head -n 1)"
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
python3 - "$WORK/ours" "$WORK/poisoned" <<'PY'
import os, re, sys, zipfile
SENTINEL = "-987654.321"
src_dir, dst_dir = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src_dir)):
    with zipfile.ZipFile(os.path.join(src_dir, name)) as zin, zipfile.ZipFile(os.path.join(dst_dir, name), "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if re.match(r"xl/worksheets/sheet\d+\.xml$", item.filename):
                text = data.decode("utf-8")
                # A formula cell's cached value: <f>..</f><v>..</v>, or <f .../> for a shared formula.
                text = re.sub(r"(<f\b[^>]*?(?:/>|>[^<]*</f>))<v>[^<]*</v>", lambda m: m.group(1) + "<v>" + SENTINEL + "</v>", text)
                data = text.encode("utf-8")
            zout.writestr(item, data)
PY
for file in "$WORK"/poisoned/*.xlsx; do convert fods "$WORK/recalc" "$file"; done

python3 - "$WORK/recalc" "$OUT/recalculated.json" "$VERSION" <<'PY'
import json, os, re, sys
import xml.etree.ElementTree as ET
recalc_dir, out_path, version = sys.argv[1], sys.argv[2], sys.argv[3]
NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}
def q(prefix, local): return "{%s}%s" % (NS[prefix], local)
def letters(col):
    s = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s
workbooks = {}
for name in sorted(os.listdir(recalc_dir)):
    root = ET.parse(os.path.join(recalc_dir, name)).getroot()
    cells = []
    for sheet in root.iter(q("table", "table")):
        sheet_name = sheet.get(q("table", "name"))
        row = 0
        for row_el in sheet.iter(q("table", "table-row")):
            rows_repeated = int(row_el.get(q("table", "number-rows-repeated"), "1"))
            col = 0
            for cell in row_el:
                if cell.tag not in (q("table", "table-cell"), q("table", "covered-table-cell")):
                    continue
                cols_repeated = int(cell.get(q("table", "number-columns-repeated"), "1"))
                formula = cell.get(q("table", "formula"))
                if formula is not None:
                    for c in range(cols_repeated):
                        for r in range(rows_repeated):
                            entry = {"sheet": sheet_name, "cell": letters(col + c) + str(row + r + 1), "formula": formula}
                            if cell.get(q("calcext", "value-type")) == "error":
                                entry["error"] = "".join(cell.find(q("text", "p")).itertext())
                            elif cell.get(q("office", "value")) is not None:
                                entry["value"] = float(cell.get(q("office", "value")))
                            else:
                                entry["text"] = cell.get(q("office", "string-value"), "")
                            cells.append(entry)
                col += cols_repeated
            row += rows_repeated
    if any(str(c.get("value")) == "-987654.321" for c in cells):
        sys.exit(f"{name}: LibreOffice kept a cached value instead of recalculating (is OOXMLRecalcMode set?)")
    if not cells:
        sys.exit(f"{name}: no formula cells found")
    workbooks[re.sub(r"\.fods$", ".xlsx", name)] = cells
with open(out_path, "w", encoding="utf-8") as f:
    json.dump({
        "libreoffice": version,
        "how": "Each cached formula result was overwritten with -987654.321, the file opened in LibreOffice Calc with OOXMLRecalcMode=0 (always recalculate) and saved as flat ODF; these are the values LibreOffice calculated. Regenerate with scripts/make-libreoffice-fixtures.sh.",
        "workbooks": workbooks,
    }, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{out_path}: " + ", ".join(f"{k} {len(v)} formula cells" for k, v in workbooks.items()))
PY

echo "Wrote $OUT"
