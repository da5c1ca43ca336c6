/**
 * Thornbury County Council (fictional): a county's efficiency workbook from the NI 179 years, kept for
 * its Annual Efficiency Statement. Figures in £'000. A register "Efficiencies 2008-11" with a
 * two-row header (merged "Gross gain £'000", "Investment £'000" and "Net gain £'000" groups over
 * 2008-09 .. 2010-11), the profile inline, Green/Amber/Red words weighted by a key on a hidden
 * "Lists" sheet (Green 100%, Amber 60%, Red 30%) through VLOOKUP; an "AES summary" sheet with the
 * AES-style summary by service block (cashable and non-cashable columns by SUMIFS, "n/a" where the
 * county has no such service), an NI 179 block, a re-investment block and a dated publication line;
 * a pivot of the register pasted as values ("Row Labels", "Grand Total"); the 2007-08 budget by
 * service. An annual return: no quarterly tracker and no benchmarking, so principles (vi) and (vii)
 * have no evidence to check. Written with exceljs.
 */
import { Expectations, FMT, addSheet, exceljsFixture, fx, sum, workbook, type BuiltFixture } from "./build";

const REGISTER = "Efficiencies 2008-11";
const AES = "AES summary";
const PIVOT = "Pivot";
const BASELINE = "Baseline 2007-08";
const KEY: Record<string, number> = { Green: 1, Amber: 0.6, Red: 0.3 };
const SERVICES = [
  "Adult social care",
  "Children's services",
  "Culture",
  "Environment",
  "Highways and transport",
  "Housing",
  "Corporate and cross-cutting",
] as const;

interface Gain {
  ref: string;
  text: string;
  service: (typeof SERVICES)[number];
  directorate: string;
  type: "Cashable" | "Non cashable";
  costCentre: string;
  evidence: string | null;
  gross: [number, number, number];
  investment: [number, number, number];
  rag: string;
  re: readonly [string, string];
  quality: string;
  lead: string;
  reviewed: string;
}

const CARE = ["Older people's care: extra care housing", "Medium Term Financial Plan 2009-12"] as const;
const ROADS = ["Highways maintenance backlog", "Local Transport Plan 2006-11"] as const;
const YOUNG = ["Youth service: positive activities", "Children and Young People's Plan 2009-11"] as const;

function gains(): Gain[] {
  const g = (
    ref: string,
    text: string,
    service: Gain["service"],
    directorate: string,
    type: Gain["type"],
    costCentre: string,
    evidence: string | null,
    gross: Gain["gross"],
    investment: Gain["investment"],
    rag: string,
    re: readonly [string, string],
    quality: string,
    lead: string,
    reviewed: string,
  ): Gain => ({
    ref,
    text,
    service,
    directorate,
    type,
    costCentre,
    evidence,
    gross,
    investment,
    rag,
    re,
    quality,
    lead,
    reviewed,
  });
  return [
    g(
      "E01",
      "Home care framework: fewer providers, banded rates",
      "Adult social care",
      "Adults and Communities",
      "Cashable",
      "ASC210",
      "Framework award report, Cabinet 10/2008",
      [220, 610, 780],
      [40, 0, 0],
      "Green",
      CARE,
      "CQC ratings of framework providers maintained",
      "Head of Commissioning",
      "2010-02-17",
    ),
    g(
      "E02",
      "Telecare instead of residential placements",
      "Adult social care",
      "Adults and Communities",
      "Cashable",
      "ASC330",
      "Telecare evaluation 2009",
      [0, 240, 460],
      [120, 30, 30],
      "Amber",
      CARE,
      "Better outcome: people stay at home",
      "Head of Assessment",
      "2010-02-17",
    ),
    g(
      "E03",
      "Children's placements: in-house fostering instead of agency",
      "Children's services",
      "Children and Young People",
      "Cashable",
      "CYP410",
      "Placement sufficiency strategy",
      [150, 380, 520],
      [60, 60, 0],
      "Amber ",
      YOUNG,
      "Placement stability improved",
      "Head of Children's Social Care",
      "2010-03-03",
    ),
    g(
      "E04",
      "School transport: independent travel training",
      "Children's services",
      "Children and Young People",
      "Cashable",
      "CYP520",
      null,
      [60, 130, 170],
      [25, 10, 0],
      "Green",
      ROADS,
      "No change to eligibility",
      "Head of Access",
      "2010-03-03",
    ),
    g(
      "E05",
      "Libraries: reduced opening hours at two branches",
      "Culture",
      "Adults and Communities",
      "Cashable",
      "CUL110",
      "Library review 2008",
      [45, 90, 90],
      [0, 0, 0],
      "Green",
      YOUNG,
      "Service reduced: opening hours cut by 8 hours a week",
      "Head of Libraries",
      "2010-02-17",
    ),
    g(
      "E06",
      "Waste disposal contract: landfill diversion",
      "Environment",
      "Environment and Economy",
      "Cashable",
      "ENV230",
      "Waste PFI variation 2008",
      [300, 520, 640],
      [0, 0, 0],
      "Green",
      ROADS,
      "Recycling rate up (NI 192)",
      "Head of Waste",
      "2010-03-10",
    ),
    g(
      "E07",
      "Highways: route-based gritting and LED street lights",
      "Highways and transport",
      "Environment and Economy",
      "Cashable",
      "HWY310",
      "Street lighting business case",
      [80, 210, 310],
      [150, 40, 0],
      "Red",
      ROADS,
      "Same winter service standard",
      "Head of Highways",
      "2010-03-10",
    ),
    g(
      "E08",
      "Customer service centre: channel shift to the web",
      "Corporate and cross-cutting",
      "Resources",
      "Non cashable",
      "RES150",
      "Channel shift benefits log",
      [40, 120, 180],
      [60, 20, 0],
      "Amber",
      CARE,
      "Faster response to enquiries",
      "Head of Customer Services",
      "2010-03-10",
    ),
    g(
      "E09",
      "Procurement: corporate e-tendering and spend analysis",
      "Corporate and cross-cutting",
      "Resources",
      "Cashable",
      "RES310",
      "Spend analysis 2008-09",
      [210, 340, 390],
      [30, 0, 0],
      "Green",
      CARE,
      "No change",
      "Head of Procurement",
      "2010-02-24",
    ),
    g(
      "E10",
      "Accommodation: vacate three leased offices",
      "Corporate and cross-cutting",
      "Resources",
      "Cashable",
      "RES420",
      "Asset management plan 2008",
      [0, 160, 410],
      [90, 110, 0],
      "Amber",
      YOUNG,
      "Staff relocated to County Hall; no public service affected",
      "Head of Property",
      "2010-02-24",
    ),
  ];
}

const BUDGET: Array<[string, number | string, string | null]> = [
  ["Adult social care", 128400, null],
  ["Children's services", 96300, "Excluding Dedicated Schools Grant"],
  ["Culture", 14250, null],
  ["Environment", 31900, null],
  ["Highways and transport", 27650, null],
  ["Corporate and cross-cutting", "tbc", "Awaiting restatement after the 2007 restructure"],
];

export function thornburyCouncil(): BuiltFixture {
  const file = "thornbury-cc-aes-ni179-seeded.xlsx";
  const wb = workbook("Thornbury CC Corporate Finance", new Date(Date.UTC(2010, 3, 9, 11, 0, 0)));
  const reg = addSheet(wb, REGISTER);
  const aes = addSheet(wb, AES);
  const pivot = addSheet(wb, PIVOT);
  const base = addSheet(wb, BASELINE);
  const lists = addSheet(wb, "Lists", "hidden");
  const ex = new Expectations("thornbury-S");

  lists.key(1, 1, ["RAG", "Weighting", null, "Service block"], KEY);
  SERVICES.forEach((s, i) => lists.set(`D${2 + i}`, s));

  base.lines(1, [
    "Thornbury County Council",
    "Net revenue budget 2007/08 by service block: the efficiency baseline (original budget)",
    "£'000, 2007/08 prices. Transfer payments (benefits) excluded; fees and charges not netted off.",
  ]);
  base.baseline(5, ["Service block", "2007/08 £'000", "Notes"], BUDGET, FMT.money);
  base.widths([30, 14, 50]);

  reg.lines(
    1,
    [
      "Thornbury County Council",
      "Efficiency programme 2008-11: register of efficiency gains (NI 179)",
      "All figures in £'000",
      "2008-09 outturn; 2009-10 and 2010-11 forecast. Position at 31 March 2010.",
    ],
    2,
  );
  const H = 6;
  const first = H + 2;
  reg.mergedDown(H, 1, ["Ref", "Efficiency", "Service block", "Directorate", "Type", "Cost centre", "Evidence"], 2);
  const years = ["2008-09", "2009-10", "2010-11"];
  reg.merged(`H${H}:J${H}`, "Gross gain £'000");
  reg.merged(`K${H}:M${H}`, "Investment £'000");
  reg.merged(`N${H}:P${H}`, "Net gain £'000");
  for (const c of [8, 11, 14]) reg.row(H + 1, c, years, undefined, true);
  reg.mergedDown(
    H,
    17,
    ["RAG", "Risk-weighted 2010-11 £'000", "Reinvested in", "Investment plan", "Quality cross-check", "Lead officer", "Last reviewed"],
    2,
  );
  const list = gains();
  const rowOf = new Map<string, number>();
  const weighted: Array<number | null> = [];
  list.forEach((x, i) => {
    const r = first + i;
    rowOf.set(x.ref, r);
    reg.row(r, 1, [x.ref, x.text, x.service, x.directorate, x.type, x.costCentre, x.evidence]);
    reg.row(r, 8, [...x.gross, ...x.investment], FMT.money);
    for (let y = 0; y < 3; y++)
      reg.set(`${"NOP"[y]}${r}`, fx(`${"HIJ"[y]}${r}-${"KLM"[y]}${r}`, x.gross[y] - x.investment[y]), { fmt: FMT.money });
    reg.set(`Q${r}`, x.rag);
    const w = KEY[x.rag];
    const f = `J${r}*VLOOKUP(Q${r},Lists!$A$2:$B$4,2,FALSE)-M${r}`;
    // "Amber " (a trailing space) is not in the key: VLOOKUP gives #N/A.
    if (w === undefined) {
      reg.ws.getCell(`R${r}`).value = { formula: f, result: { error: "#N/A" } } as never;
      weighted.push(null);
    } else {
      reg.set(`R${r}`, fx(f, x.gross[2] * w - x.investment[2]), { fmt: FMT.money });
      weighted.push(x.gross[2] * w - x.investment[2]);
    }
    reg.row(r, 19, [x.re[0], x.re[1], x.quality, x.lead, new Date(`${x.reviewed}T00:00:00Z`)]);
  });
  const last = first + list.length - 1;
  const total = last + 1;
  const totals = [..."HIJKLMNOP"].map((col, c): [string, number] => [
    col,
    sum(list.map((x) => (c < 3 ? x.gross[c] : c < 6 ? x.investment[c - 3] : x.gross[c - 6] - x.investment[c - 6]))),
  ]);
  reg.totals(total, first, last, totals, FMT.money);
  reg.ws.getCell(`R${total}`).value = { formula: `SUM(R${first}:R${last})`, result: { error: "#N/A" } } as never;
  reg.lines(
    total + 2,
    [
      "Risk-weighted = 2010-11 gross gain x RAG weighting (Lists sheet: Green 100%, Amber 60%, Red 30%) less 2010-11 investment.",
      "Net gains are reported to CLG as NI 179 through the Annual Efficiency Statement: see AES summary.",
    ],
    0,
  );
  reg.widths([6, 46, 24, 22, 12, 10, 32, ...Array<number>(9).fill(9), 8, 12, 36, 38, 40, 28, 12]);

  // AES-style summary by service block, 2008-09 net gains, from the register by SUMIFS.
  aes.lines(1, ["Thornbury County Council", "Annual Efficiency Statement: backward look 2008-09 (£'000)"]);
  aes.row(4, 1, ["Service block", "Cashable", "Non-cashable", "Total", "Quality cross-check"], undefined, true);
  const aesRow = (i: number): number => 5 + i;
  SERVICES.forEach((service, i) => {
    const r = aesRow(i);
    if (service === "Housing") {
      aes.row(r, 1, [service, "n/a", "n/a", "n/a", "No housing function (district councils)"]);
      return;
    }
    const net = (type: Gain["type"]): number =>
      sum(list.filter((x) => x.service === service && x.type === type).map((x) => x.gross[0] - x.investment[0]));
    const sumifs = (type: string): string =>
      `SUMIFS('${REGISTER}'!$N$${first}:$N$${last},'${REGISTER}'!$C$${first}:$C$${last},$A${r},'${REGISTER}'!$E$${first}:$E$${last},"${type}")`;
    aes.row(
      r,
      1,
      [
        service,
        fx(sumifs("Cashable"), net("Cashable")),
        fx(sumifs("Non cashable"), net("Non cashable")),
        fx(`B${r}+C${r}`, net("Cashable") + net("Non cashable")),
        "Quality cross-checks met",
      ],
      [undefined, FMT.money, FMT.money, FMT.money],
    );
  });
  const aesTotal = aesRow(SERVICES.length);
  const cash0 = sum(list.filter((x) => x.type === "Cashable").map((x) => x.gross[0] - x.investment[0]));
  const non0 = sum(list.filter((x) => x.type !== "Cashable").map((x) => x.gross[0] - x.investment[0]));
  aes.row(
    aesTotal,
    1,
    ["Total", fx(`SUM(B5:B${aesTotal - 1})`, cash0), fx(`SUM(C5:C${aesTotal - 1})`, non0), fx(`SUM(D5:D${aesTotal - 1})`, cash0 + non0)],
    [undefined, FMT.money, FMT.money, FMT.money],
    true,
  );

  const ni = aesTotal + 3;
  aes.set(`A${ni}`, "NI 179: value for money gains, net and cash-releasing, since the start of 2008-09 (£'000)", { bold: true });
  aes.row(ni + 1, 1, ["Year", "NI 179 value", "Status"], undefined, true);
  aes.row(ni + 2, 1, ["2008-09", fx(`B${aesTotal}`, cash0), "Reported to CLG 15/07/2009"], [undefined, FMT.money]);
  const cash1 = sum(list.filter((x) => x.type === "Cashable").map((x) => x.gross[1] - x.investment[1]));
  aes.row(
    ni + 3,
    1,
    ["2009-10", fx(`SUMIF('${REGISTER}'!$E$${first}:$E$${last},"Cashable",'${REGISTER}'!$O$${first}:$O$${last})`, cash1), "Forecast"],
    [undefined, FMT.money],
  );
  aes.row(ni + 4, 1, ["Cumulative", fx(`B${ni + 2}+B${ni + 3}`, cash0 + cash1), null], [undefined, FMT.money], true);

  // Re-investment of the cashable 2010-11 gains (the service cut included: it is what the council planned).
  const re = ni + 7;
  const cash2 = sum(list.filter((x) => x.type === "Cashable").map((x) => x.gross[2] - x.investment[2]));
  const reTotal = aes.reinvestment(
    re,
    { title: "Re-investment of cashable gains 2010-11 (£'000)", headers: ["Reinvested in", "Plan", "£'000"], col: "C", fmt: FMT.money },
    [
      [CARE, 1500],
      [ROADS, 900],
      [YOUNG, cash2 - 2400],
    ],
    cash2,
  );
  aes.set(
    `A${reTotal + 2}`,
    "Publication: AES backward look 2008-09 submitted to CLG on 15/07/2009 and published on the council's website on 30/07/2009.",
  );
  aes.widths([40, 14, 14, 12, 40]);

  // The register's pivot, pasted as values for the Cabinet report.
  pivot.set("A1", "Net gains 2010-11 by directorate (pivot pasted as values for Cabinet, 17/03/2010)");
  pivot.row(3, 1, ["Row Labels", "Sum of Net gain 2010-11", "Count of Ref"], undefined, true);
  const directorates = [...new Set(list.map((x) => x.directorate))].sort();
  directorates.forEach((d, i) => {
    const members = list.filter((x) => x.directorate === d);
    pivot.row(4 + i, 1, [d, sum(members.map((x) => x.gross[2] - x.investment[2])), members.length], [undefined, FMT.money]);
  });
  pivot.row(
    4 + directorates.length,
    1,
    ["Grand Total", sum(list.map((x) => x.gross[2] - x.investment[2])), list.length],
    [undefined, FMT.money],
    true,
  );
  pivot.widths([30, 24, 14]);

  const row = (ref: string): number => rowOf.get(ref)!;
  ex.neverAny(
    [
      "ii.register-present",
      "i.baseline-present",
      "i.baseline-year",
      "i.basis-stated",
      "i.price-base-stated",
      "iv.profile-present",
      "ix.publication-record",
      "i.gain-baseline-line",
      "method.mixed-units",
      "ii.type-stated",
      "viii.deliverability-present",
    ],
    "the workbook holds this evidence (register with inline profile and RAG words, 2007/08 budget by service block with year, unit, basis and price base stated, dated publication line), all in £'000",
  );
  ex.never("iii.net-recomputes", undefined, undefined, "every net gain is gross - investment by formula");
  for (const sheet of [PIVOT, AES])
    ex.never("ii.gain-id", sheet, undefined, "the pivot and the AES summary are not registers of gains", "error");
  ex.never(
    "viii.risk-adjusted-recomputes",
    REGISTER,
    `R${first}:R${row("E02")}`,
    "the RAG words are weighted by the workbook's own key (Green 100%, Amber 60%, Red 30%)",
  );
  ex.never(
    "viii.risk-adjusted-recomputes",
    REGISTER,
    `R${row("E04")}:R${last}`,
    "the RAG words are weighted by the workbook's own key (Red is 30% here)",
  );
  ex.defect(
    "method.service-reduction",
    REGISTER,
    `A${row("E05")}:W${row("E05")}`,
    'E05 cuts library opening hours ("Service reduced") and is counted as a gain.',
  );
  ex.defect("ii.no-error-values", REGISTER, `R${row("E03")}`, 'E03\'s RAG is "Amber " with a trailing space, so its VLOOKUP shows #N/A.');
  ex.defect("ii.evidence", REGISTER, `G${row("E04")}`, "Cashable gain E04 (independent travel training) names no evidence.");
  ex.defect(
    "i.baseline-amount-positive",
    BASELINE,
    `B${5 + BUDGET.length}`,
    'The Corporate and cross-cutting baseline line has the amount "tbc".',
  );
  ex.tolerate("ii.no-error-values", REGISTER, `R${total}`, "the Total row's risk-weighted SUM carries E03's #N/A");
  ex.tolerate("viii.risk-adjusted-recomputes", REGISTER, `R${row("E03")}`, "E03's risk-weighted cell is an error value");
  ex.tolerate("viii.total-risk-adjusted", undefined, undefined, "the risk-weighted total is #N/A, and includes the service cut");
  ex.tolerate("v.reinvestment-plan-total", undefined, undefined, "the re-investment block re-invests E05's service cut too");
  ex.tolerate("vi.quarters-present", undefined, undefined, "an annual return: no quarterly tracker, so there is nothing to check for (vi)");
  ex.tolerate("vi.trajectory-actual", undefined, undefined, "no quarterly tracker");
  ex.tolerate("vi.quarter-evidence", undefined, undefined, "no quarterly tracker");
  ex.tolerate("vii.measures-present", undefined, undefined, "no benchmarking in this workbook, so there is nothing to check for (vii)");
  ex.absent("vi");
  ex.absent("vii");
  return exceljsFixture(wb, ex, {
    file,
    body: "Thornbury County Council (fictional county): efficiency register 2008-11 and Annual Efficiency Statement / NI 179 summary, with seeded defects",
    reportingDate: "2010-03-31",
    shapes: [
      "own sheet names (Efficiencies 2008-11, AES summary, Pivot, Baseline 2007-08) and a hidden Lists sheet",
      "title block: organisation, plan name, All figures in £'000, outturn and forecast, position at 31 March; original budget, 2007/08 prices and exclusions on the baseline",
      "two-row header: merged Gross gain £'000 / Investment £'000 / Net gain £'000 groups over 2008-09 .. 2010-11",
      "yearly profile inline in the register",
      "Green/Amber/Red words weighted by a key on a hidden sheet (Green 100%, Amber 60%, Red 30%) through VLOOKUP",
      "AES-style summary by service block with Cashable / Non-cashable / Total columns by SUMIFS and n/a for Housing",
      "an NI 179 block and a re-investment block on the same sheet, a dated publication line",
      "a pivot pasted as values (Row Labels, Sum of ..., Grand Total)",
      "an annual return: no quarterly tracker and no benchmarking (principles (vi) and (vii) must read not-checked)",
      "amounts in £'000",
    ],
  });
}
