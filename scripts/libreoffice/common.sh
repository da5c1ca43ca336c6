# Shared by the fixture scripts that drive LibreOffice Calc headless (source it; needs $WORK).
# A fresh profile (no lock clashes with a running LibreOffice) that recalculates every formula when a
# file is loaded: by default LibreOffice 7.x never recalculates an .xlsx on load, whatever
# fullCalcOnLoad says, and would simply copy the cached values back out.
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y --no-install-recommends libreoffice-calc" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 1; }
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

LIBREOFFICE_VERSION="$(soffice --version | head -n 1)"
