/** Principle (iv): milestones and profiles underpin delivery of £m gains. */
import { idKey, moneyClose } from "../analysis";
import { readDate } from "../dates";
import { financialYearLabel } from "../../text/financial-year";
import type { DiscoveredTable } from "../discovery";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleContext, type RuleFinding } from "../rule";
import { readNumber, UNIT_FACTORS, type MoneyUnit } from "../text";
import { describeRead, gainName } from "./helpers";

const WHY = `CSR07 principle (iv): "${PRINCIPLE_TITLES.iv}."`;

/** The unit a profile year column's amounts are in: its header's, else the Settings unit. */
function yearUnit(ctx: RuleContext, profile: DiscoveredTable, col: number): MoneyUnit {
  return profile.yearUnits.get(col) ?? ctx.settings.unit;
}

/** Factor that turns a profile year column's amounts into the register's unit. */
function yearFactor(ctx: RuleContext, profile: DiscoveredTable, col: number): number {
  return UNIT_FACTORS[yearUnit(ctx, profile, col)] / ctx.analysis.unitFactor;
}

export const profilePresent = defineRule({
  id: "iv.profile-present",
  principle: "iv",
  severity: "error",
  title: "Every gain has a profile by financial year",
  checks:
    "A Profile table is found with an ID column and at least one financial-year column (headed 2008-09, 2008/09, FY2008-09, 2008-2009 or 2008; a header that Excel turned into a date, such as 01/09/2008 from a typed 2008-09, counts as the financial year holding that date), and every gain with an ID has a row in it.",
  why: `${WHY} A profile shows when each gain is delivered, year by year, so delivery can be tracked against it.`,
  fix: "Add a Profile table with an ID column and one column per financial year (e.g. 2008-09, 2009-10, ...), and a row for each gain holding its net value in each year.",
  example: {
    failing: "Gain G3 has no row in the Profile table.",
    passing: "Profile row G3: 2008-09 -50, 2009-10 200, 2010-11 420, 2011-12 420, 2012-13 420.",
  },
  messages: {
    noYears: "The Profile table has no financial-year columns: add one column per year, headed e.g. 2008-09.",
    noRow: "{{gain}} has no row in the Profile table.",
  },
  check(ctx) {
    if (ctx.gains.length === 0) return [];
    const profile = ctx.table("profile");
    if (!profile) return [ctx.missingTable("profile", "each gain needs its profile by financial year")];
    const idCol = ctx.requireColumn(profile, "id", "each profile row must name its gain");
    if (profile.yearColumns.size === 0) return [ctx.atTable(profile, "noYears")];
    if (idCol === undefined) return [];
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      if (gain.id === null || ctx.cellOf(gain, "id") === undefined) continue;
      if (!ctx.profileOf(gain)) out.push(ctx.atValue(gain, "id", "noRow", { gain: gainName(gain) }));
    }
    return out;
  },
});

export const profileNumbers = defineRule({
  id: "iv.profile-numbers",
  principle: "iv",
  severity: "error",
  title: "Profile values are numbers",
  checks: "Every value in a profile year column is a number or blank (blank counts as 0).",
  why: `${WHY} A profile year that holds text cannot be added up or compared with the register.`,
  fix: "Enter each year's net value as a number (0 for a year with no gain; a negative number for a year of up-front costs).",
  example: { failing: 'Profile row G1, 2009-10 "tbc".', passing: "Profile row G1, 2009-10 200." },
  messages: { notNumber: "The {{year}} value {{value}}." },
  check(ctx) {
    const profile = ctx.table("profile");
    if (!profile) return [];
    const out: RuleFinding[] = [];
    for (const row of ctx.records("profile")) {
      for (const year of profile.yearColumns.keys()) {
        const read = ctx.number(row, year);
        if (read.kind === "text")
          out.push(ctx.atValue(row, year, "notNumber", { year: financialYearLabel(year), value: describeRead(read) }));
      }
    }
    return out;
  },
});

export const profileTargetYear = defineRule({
  id: "iv.profile-target-year",
  principle: "iv",
  severity: "error",
  title: "The profile's target-year value equals the register's net gain",
  checks:
    "The Profile has a column for the target year, and each gain's value in it equals the gain's Net gain in the register, within the Tolerance.",
  why: `${WHY} The register states each gain for the target year; a profile that disagrees with it leaves two different claims for the same gain.`,
  fix: "Make the gain's Profile value in the target year equal its Net gain in the Gains table (or correct whichever is wrong).",
  settings: ["targetYear", "baselineYear", "targetYears", "tolerance"],
  example: {
    failing: "Gain G1 Net gain 420; Profile 2010-11 400 (target year 2010-11).",
    passing: "Gain G1 Net gain 420; Profile 2010-11 420.",
  },
  messages: {
    noTargetYear: "The Profile table has no column for the target year {{year}}: add one.",
    differs: "{{gain}}'s profile for {{year}} is {{value}} but its net gain in the register is {{net}}.",
  },
  check(ctx) {
    const profile = ctx.table("profile");
    const targetYear = ctx.settings.targetYear;
    if (!profile || targetYear === null || profile.yearColumns.size === 0 || !profile.columns.has("id")) return [];
    const col = profile.yearColumns.get(targetYear);
    if (col === undefined) return [ctx.atTable(profile, "noTargetYear", { year: financialYearLabel(targetYear) })];
    const factor = yearFactor(ctx, profile, col);
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      if (gain.id === null) continue;
      const net = gain.net ?? gain.recomputedNet;
      const row = ctx.profileOf(gain);
      if (net === null || row === undefined) continue;
      const read = ctx.number(row, targetYear);
      if (read.kind === "text" || read.kind === "error") continue;
      const value = read.kind === "number" ? read.value * factor : 0;
      if (!moneyClose(value, net, ctx.analysis.tolerance)) {
        const shown = read.kind === "blank" ? "blank" : ctx.money(value);
        out.push(
          ctx.atValue(row, targetYear, "differs", {
            gain: gainName(gain),
            year: financialYearLabel(targetYear),
            value: shown,
            net: ctx.money(net),
          }),
        );
      }
    }
    return out;
  },
});

export const ongoing = defineRule({
  id: "iv.ongoing",
  principle: "iv",
  severity: "error",
  title: "A gain lasts for at least two full years after it first accrues",
  checks:
    "Each profile row, once it first shows a positive value, stays positive in each of the next two financial years that the profile has columns for (NI 179's ongoing gain).",
  why: `${WHY} NI 179 counts a gain only if it is ongoing: it must persist for at least two full financial years after the year in which it first accrues.`,
  fix: "Check the profile: once a gain first shows a positive value it must stay positive in the next two financial years. If the gain really stops, it does not count as an ongoing gain: take it out of the register.",
  settings: ["tolerance"],
  example: { failing: "Profile G2: 2009-10 300, 2010-11 300, 2011-12 0.", passing: "Profile G2: 2009-10 300, 2010-11 300, 2011-12 300." },
  messages: {
    stops:
      "{{gain}} first accrues in {{firstYear}} ({{firstValue}}) but is {{value}} in {{year}}: a gain must last at least two full years after it first accrues.",
  },
  check(ctx) {
    const profile = ctx.table("profile");
    if (!profile || profile.yearColumns.size === 0) return [];
    const years = [...profile.yearColumns.entries()].sort((a, b) => a[0] - b[0]);
    // A value counts as positive when it is more than the tolerance, in that year column's own unit.
    const toleranceOf = new Map(years.map(([, col]) => [col, ctx.analysis.tolerance / yearFactor(ctx, profile, col)]));
    const positive = (read: ReturnType<typeof readNumber>, col: number) => read.kind === "number" && read.value > toleranceOf.get(col)!;
    const out: RuleFinding[] = [];
    for (const row of ctx.records("profile")) {
      let first = -1;
      for (let i = 0; i < years.length; i++) {
        const read = ctx.number(row, years[i][0]);
        if (positive(read, years[i][1])) {
          first = i;
          break;
        }
      }
      if (first < 0) continue;
      const [startYear, startCol] = years[first];
      for (const [year, col] of years) {
        if (year <= startYear || year > startYear + 2) continue;
        const read = ctx.number(row, year);
        if (positive(read, col)) continue;
        if (read.kind === "text" || read.kind === "error") continue;
        const id = ctx.text(row, "id");
        const who = id ? `Gain ${id}` : `The profile on row ${row.row + 1}`;
        const firstValue = ctx.number(row, startYear);
        const shown = read.kind === "number" ? ctx.money(read.value, yearUnit(ctx, profile, col)) : "blank";
        const data = {
          gain: who,
          firstYear: financialYearLabel(startYear),
          firstValue: firstValue.kind === "number" ? ctx.money(firstValue.value, yearUnit(ctx, profile, startCol)) : "",
          value: shown,
          year: financialYearLabel(year),
        };
        out.push(ctx.atValue(row, year, "stops", data));
        break;
      }
    }
    return out;
  },
});

export const milestones = defineRule({
  id: "iv.milestones",
  principle: "iv",
  severity: "warning",
  title: "Every material gain has at least one dated milestone",
  checks:
    "Each material gain (gross gain at least the Materiality setting, £1m by default) that is not a service reduction has at least one row in the Milestones table with its ID and a due date.",
  why: `${WHY} Milestones show how a large gain will be delivered and let the VfM Board see slippage early.`,
  fix: "Add at least one row for the gain in the Milestones table, with its ID, the milestone and a due date.",
  judgement:
    'Which gains are material is our judgement: principle (iv) speaks of "£m gains", so by default a gain whose gross value is £1m or more needs a milestone. Change the Materiality setting to suit the size of the organisation.',
  settings: ["materiality"],
  example: {
    failing: "Gain G1, Gross gain 1,500,000, no row in Milestones.",
    passing: 'Milestones: G1, "Custody contract signed", Due 30/09/2008, Status Complete.',
  },
  messages: { none: "{{gain}} (gross {{gross}}) is material but has no dated milestone in the Milestones table." },
  check(ctx) {
    const threshold = ctx.settings.materiality / ctx.analysis.unitFactor;
    const material = ctx.gains.filter((g) => g.gross !== null && Math.abs(g.gross) >= threshold && !g.serviceReduction);
    if (material.length === 0) return [];
    const table = ctx.table("milestones");
    if (!table)
      return [
        ctx.missingTable(
          "milestones",
          `${material.length === 1 ? "1 gain" : `${material.length} gains`} of ${ctx.money(threshold)} or more ${material.length === 1 ? "needs" : "need"} dated milestones`,
        ),
      ];
    if (ctx.requireColumn(table, "id", "each milestone must name its gain") === undefined) return [];
    if (ctx.requireColumn(table, "due", "each milestone needs a due date") === undefined) return [];
    const dated = new Set<string>();
    for (const milestone of ctx.records("milestones")) {
      const id = ctx.text(milestone, "id");
      if (id !== "" && readDate(ctx.cell(milestone, "due"), ctx.model.date1904) !== null) dated.add(idKey(id));
    }
    const out: RuleFinding[] = [];
    for (const gain of material) {
      if (gain.idKey !== null && dated.has(gain.idKey)) continue;
      // Placed on the gain's ID, or its gross gain when the register has no ID column.
      const at = ctx.cellOf(gain, "id") ? "id" : "gross";
      out.push(ctx.atValue(gain, at, "none", { gain: gainName(gain), gross: ctx.money(gain.gross!) }));
    }
    return out;
  },
});

export const RULES_IV: readonly Rule[] = [profilePresent, profileNumbers, profileTargetYear, ongoing, milestones];
