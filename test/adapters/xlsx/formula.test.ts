import { compileFormula, shiftFormula, stripFutureFunctionPrefixes } from "../../../src/adapters/xlsx/read/formula";

const shift = (formula: string, rows: number, cols: number) => shiftFormula(compileFormula(formula), rows, cols);

describe("shared formula shifting", () => {
  it.each([
    ["A1+B2", 1, 0, "A2+B3"],
    ["A1+B2", 0, 2, "C1+D2"],
    ["$A1+A$1+$A$1", 3, 3, "$A4+D$1+$A$1"],
    ["SUM(A1:B2)", 2, 1, "SUM(B3:C4)"],
    ["SUM(A:A,$B:C)", 5, 1, "SUM(B:B,$B:D)"],
    ["SUM(1:1,$2:3)", 2, 4, "SUM(3:3,$2:5)"],
    ["Sheet1!A1+'My Sheet'!$B2+'It''s'!C3", 1, 1, "Sheet1!B2+'My Sheet'!$B3+'It''s'!D4"],
    ['"A1"&A1&"B2"""', 1, 0, '"A1"&A2&"B2"""'],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["tblGains[[#This Row],[Gross A1]]-A1", 1, 0, "tblGains[[#This Row],[Gross A1]]-A2"],
    ["[1]Data!A1", 0, 1, "[1]Data!B1"],
    ["IF(ISERROR(A1),#N/A,#REF!)", 1, 0, "IF(ISERROR(A2),#N/A,#REF!)"],
    ["MyRange1x*A1", 1, 0, "MyRange1x*A2"],
    ["1.5E+3*A1", 1, 0, "1.5E+3*A2"],
    ["TRUE+A1", 1, 0, "TRUE+A2"],
    ["XFD1+A1048576", 0, 0, "XFD1+A1048576"],
    ["XFD1+B1", 0, 1, "#REF!+C1"],
    ["A1048576", 1, 0, "#REF!"],
    ["A2-A1", -1, 0, "A1-#REF!"],
    ["A1#", 1, 0, "A2#"],
    ["SUM(A1 B1:C2)", 0, 1, "SUM(B1 C1:D2)"],
    ["Données!A1*Prix", 1, 0, "Données!A2*Prix"],
  ])("%s moved %i rows and %i columns is %s", (formula, rows, cols, expected) => {
    expect(shift(formula, rows, cols)).toBe(expected);
  });

  it("returns the formula unchanged when nothing moves", () => {
    const compiled = compileFormula("SUM($A$1:$A$9)*Rate");
    expect(compiled.constant).toBe(false);
    expect(shiftFormula(compiled, 5, 5)).toBe("SUM($A$1:$A$9)*Rate");
    expect(compileFormula('"text"&Rate').constant).toBe(true);
  });
});

describe("future-function prefixes", () => {
  it.each([
    ["_xlfn.IFS(A1>0,1)", "IFS(A1>0,1)"],
    ["_xlfn._xlws.FILTER(T[A],T[B]=1)", "FILTER(T[A],T[B]=1)"],
    ["_xlfn.LET(_xlpm.x,1,_xlpm.x+1)", "LET(x,1,x+1)"],
    ['"_xlfn.IFS"&A1', '"_xlfn.IFS"&A1'],
    ["my_xlfn.thing", "my_xlfn.thing"],
    ["SUM(A1)", "SUM(A1)"],
  ])("%s reads as %s", (stored, shown) => {
    expect(stripFutureFunctionPrefixes(stored)).toBe(shown);
  });
});
