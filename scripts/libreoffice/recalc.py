"""LibreOffice recalculation helpers for the fixture scripts (make-libreoffice-fixtures.sh,
make-real-layout-fixtures.sh).

  recalc.py poison SRC_DIR DST_DIR
      copies every .xlsx of SRC_DIR to DST_DIR with each cached formula result overwritten by a
      sentinel, so any value LibreOffice reports after loading the copy is one it calculated itself
  recalc.py collect RECALC_DIR OUT_JSON VERSION HOW
      reads the flat ODF files LibreOffice saved from the poisoned copies and writes every formula
      cell (sheet, cell, formula, value / text / error) to OUT_JSON, keyed by the .xlsx name
"""
import json, os, re, sys, zipfile
import xml.etree.ElementTree as ET

SENTINEL = "-987654.321"


def poison(src_dir, dst_dir):
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith(".xlsx"):
            continue
        with zipfile.ZipFile(os.path.join(src_dir, name)) as zin, zipfile.ZipFile(os.path.join(dst_dir, name), "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if re.match(r"xl/worksheets/sheet\d+\.xml$", item.filename):
                    text = data.decode("utf-8")
                    # A formula cell's cached value: <f>..</f><v>..</v>, or <f .../> for a shared formula.
                    text = re.sub(r"(<f\b[^>]*?(?:/>|>[^<]*</f>))<v>[^<]*</v>", lambda m: m.group(1) + "<v>" + SENTINEL + "</v>", text)
                    data = text.encode("utf-8")
                zout.writestr(item, data)


NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}


def q(prefix, local):
    return "{%s}%s" % (NS[prefix], local)


def letters(col):
    s = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


def collect(recalc_dir, out_path, version, how):
    workbooks = {}
    for name in sorted(os.listdir(recalc_dir)):
        if not name.endswith(".fods"):
            continue
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
                                    entry["text"] = cell.get(q("office", "string-value"), "".join(cell.find(q("text", "p")).itertext()) if cell.find(q("text", "p")) is not None else "")
                                cells.append(entry)
                    col += cols_repeated
                row += rows_repeated
        if any(str(c.get("value")) == SENTINEL for c in cells):
            sys.exit(f"{name}: LibreOffice kept a cached value instead of recalculating (is OOXMLRecalcMode set?)")
        if not cells:
            sys.exit(f"{name}: no formula cells found")
        workbooks[re.sub(r"\.fods$", ".xlsx", name)] = cells
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"libreoffice": version, "how": how, "workbooks": workbooks}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{out_path}: " + ", ".join(f"{k} {len(v)} formula cells" for k, v in workbooks.items()))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "poison" and len(sys.argv) == 4:
        poison(sys.argv[2], sys.argv[3])
    elif command == "collect" and len(sys.argv) == 6:
        collect(*sys.argv[2:6])
    else:
        sys.exit(__doc__)
