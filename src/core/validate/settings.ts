/**
 * The Settings table: Key / Value pairs that tune the check. Every key has a documented default, so a
 * workbook without a Settings table is still checked (and a finding says the defaults were used). The
 * read stage (./read/settings.ts) reads the table into these Settings.
 */
import { DEFAULT_RAG_MAPPING, type RagMapping } from "../calc";
import type { MoneyUnit } from "./text";

export interface Settings {
  /** Annual efficiency rate as a fraction (0.03 = 3%). */
  targetRate: number;
  targetMethod: "compound" | "simple";
  /** Years of the spending period the target covers. */
  targetYears: number;
  /** Start year of the baseline financial year (2007 = 2007-08). */
  baselineYear: number | null;
  /** Start year of the financial year the target falls due in; null = baseline year + target years. */
  targetYear: number | null;
  /** ISO date the check is made against; null = today. */
  reportingDate: string | null;
  /** Deflator series id or name for VFM.DEFLATE; null = the shipped default series. */
  deflatorSeries: string | null;
  ragMapping: RagMapping;
  /** Largest difference, in £, treated as equal when a figure is recomputed. */
  tolerance: number;
  /** Gains of at least this gross amount, in £, need a dated milestone. */
  materiality: number;
  /** Smallest share of total net gains that must be cashable (SR2004: one half). */
  minimumCashableShare: number;
  /** Unit of amounts whose header states none. */
  unit: MoneyUnit;
  /** On track: delivered or planned gains at least this share of the target path (1 = all of it). */
  onTrackShare: number;
  /** At risk rather than off track: at least this share of the path (below it, off track). */
  atRiskShare: number;
}

export const DEFAULT_SETTINGS: Settings = {
  targetRate: 0.03,
  targetMethod: "compound",
  targetYears: 3,
  baselineYear: null,
  targetYear: null,
  reportingDate: null,
  deflatorSeries: null,
  ragMapping: DEFAULT_RAG_MAPPING,
  tolerance: 0.005,
  materiality: 1_000_000,
  minimumCashableShare: 0.5,
  unit: "£",
  onTrackShare: 1,
  atRiskShare: 0.9,
};

export type SettingKey = keyof Settings;

/** What each Settings key means, its default and why: the rule docs print this table. */
export interface SettingDoc {
  key: SettingKey;
  /** The Key to write in the Settings table. */
  name: string;
  aliases: readonly string[];
  defaultText: string;
  why: string;
}

export const SETTING_DOCS: readonly SettingDoc[] = [
  {
    key: "targetRate",
    name: "Target rate",
    aliases: ["Rate", "Annual rate", "Efficiency rate"],
    defaultText: "3%",
    why: "CSR07: the Home Office target was 3% a year, compounded. Write 3% or 0.03 (a bare 3 is refused).",
  },
  {
    key: "targetMethod",
    name: "Target method",
    aliases: ["Method"],
    defaultText: "compound",
    why: "CSR07 compounds the annual rate (3%, 6.09%, 9.27%); SR2004 councils used simple (2.5% x 3 years).",
  },
  {
    key: "targetYears",
    name: "Target years",
    aliases: ["Years", "Spending period years"],
    defaultText: "3 (or target year minus baseline year when both are given)",
    why: "A spending review period is three years.",
  },
  {
    key: "baselineYear",
    name: "Baseline year",
    aliases: [],
    defaultText: "the year on the Baseline lines when they all agree; otherwise none",
    why: "Principle (i): the baseline must be quantified for a stated year; quarters are due from the year after it.",
  },
  {
    key: "targetYear",
    name: "Target year",
    aliases: [],
    defaultText: "baseline year + target years",
    why: "The year the target falls due; the register's money columns and the profile are compared in it.",
  },
  {
    key: "reportingDate",
    name: "Reporting date",
    aliases: ["As at", "As at date", "Report date"],
    defaultText: "today (the command line's --reporting-date overrides it)",
    why: "Quarters ended and risk reviews are judged against it.",
  },
  {
    key: "deflatorSeries",
    name: "Deflator series",
    aliases: ["Deflators", "Deflator"],
    defaultText: "HM Treasury GDP deflators shipped with the add-in",
    why: "Names the series VFM.DEFLATE uses when prices are re-expressed.",
  },
  {
    key: "ragMapping",
    name: "RAG mapping",
    aliases: ["RAG", "Green", "Amber", "Red"],
    defaultText: "Green=1; Amber=0.5; Red=0",
    why: 'Our judgement: a Green claim counts in full, Amber half, Red not at all. Write e.g. "Green=0.9; Amber=0.5; Red=0" or use three keys Green, Amber and Red.',
  },
  {
    key: "tolerance",
    name: "Tolerance",
    aliases: [],
    defaultText: "£0.005 (half a penny)",
    why: "Recomputed figures within half a penny of the workbook's are treated as equal (rounding to the penny).",
  },
  {
    key: "materiality",
    name: "Materiality",
    aliases: ["Materiality threshold"],
    defaultText: "£1,000,000",
    why: 'Our judgement from principle (iv), "Milestones and profiles underpin delivery of £m gains": gains of £1m or more need a dated milestone.',
  },
  {
    key: "minimumCashableShare",
    name: "Minimum cashable share",
    aliases: ["Cashable share"],
    defaultText: "50%",
    why: "SR2004: at least half of each authority's gains had to be cashable.",
  },
  {
    key: "unit",
    name: "Unit",
    aliases: ["Units", "Amounts in"],
    defaultText: "£",
    why: "The unit of amounts whose column header does not state one (£, £k, £m or £bn).",
  },
  {
    key: "onTrackShare",
    name: "On-track share",
    aliases: ["On track share", "On track threshold"],
    defaultText: "100%",
    why: "Our judgement: a return is on track when its actual gains to date, and its plan for every year of the period, reach at least this share of the target path.",
  },
  {
    key: "atRiskShare",
    name: "At-risk share",
    aliases: ["At risk share", "At risk threshold", "Off track below"],
    defaultText: "90%",
    why: "Our judgement: short of on track but at least this share of the target path is at risk; below it, off track.",
  },
];

export interface SettingIssue {
  sheet: string;
  cell: string;
  message: string;
}

export interface SettingsRead {
  settings: Settings;
  /** Keys the workbook set (a default was not used). */
  stated: Set<SettingKey>;
  issues: SettingIssue[];
  /** Key -> where its value is, for findings that point at a setting. */
  locations: Map<SettingKey, { sheet: string; cell: string }>;
}
