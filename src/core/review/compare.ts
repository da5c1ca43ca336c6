/**
 * What changed since the last return: two returns of the same body, compared on their records (gains,
 * profiles, quarters, baseline, target), never on their cells, so a moved column, a renamed sheet, a
 * restyled cell, reordered rows or a change of unit (£ to £'000) is no change at all.
 *
 * Gains are matched by ID; where an ID changed, by name (normalised), and the result says which.
 * Every amount is in this return's unit; last return's amounts are converted to it exactly, and every
 * movement is an exact decimal difference through the calculation core.
 */
import { sumExact } from "../calc";
import { financialYearLabel } from "../text";
import type { MoneyUnit } from "../validate/text";
import { gainIdKey, gainNameKey, rescale, type GainRecord, type QuarterRecord, type ReturnRecords } from "./return-records";

/** A figure in the last return and in this one, and this minus last (null when either is missing). */
export interface Movement {
  last: number | null;
  current: number | null;
  change: number | null;
}

/** A gain as the lists name it. */
export interface GainRef {
  id: string | null;
  name: string | null;
}

interface GainSnapshot extends GainRef {
  type: GainRecord["type"];
  net: number | null;
  riskAdjusted: number | null;
  /** First financial year (start year) with a positive profile value; null without a profile. */
  firstYear: number | null;
}

interface MatchByName {
  /** The ID in the last return, and in this one. */
  lastId: string | null;
  id: string | null;
  name: string | null;
}

interface GainMovement extends GainRef {
  gross: Movement;
  costs: Movement;
  net: Movement;
  riskAdjusted: Movement;
}

export interface YearMovement extends Movement {
  /** Financial-year start year (2026 = 2026-27). */
  year: number;
}

interface Slippage extends GainRef {
  /** Value moved from earlier financial years to later ones (at the year boundary where most moved). */
  movedLater: number;
  /** First financial year with a positive value, last return and this. */
  firstYear: { last: number | null; current: number | null };
  /** Every year whose value changed. */
  years: YearMovement[];
}

/** A gain whose profile changed without slipping (a year cut, raised, or brought forward). */
interface Reprofile extends GainRef {
  years: YearMovement[];
}

export interface Rating {
  /** Fraction 0..1 after the workbook's RAG mapping. */
  deliverability: number | null;
  /** The RAG word as written, when the cell holds one. */
  rag: string | null;
}

interface RatingChange extends GainRef {
  last: Rating;
  current: Rating;
}

interface Reclassification extends GainRef {
  last: GainRecord["type"];
  current: GainRecord["type"];
}

interface Restatement {
  baseline: Movement | null;
  baselineYear: { last: number | null; current: number | null } | null;
  target: Movement | null;
  /** The target's basis (rate, method, years, year due) when it changed, e.g. "3% compound over 3 years to 2028-29". */
  targetBasis: { last: string; current: string } | null;
}

interface QuarterRevision {
  label: string;
  field: "actual" | "trajectory";
  last: number | null;
  current: number | null;
  change: number | null;
}

interface QuarterReported {
  label: string;
  actual: number;
}

export interface ReturnComparison {
  last: { file: string; reportingDate: string; unit: MoneyUnit };
  current: { file: string; reportingDate: string; unit: MoneyUnit };
  /** The unit every amount below is in (this return's). */
  unit: MoneyUnit;
  totals: { net: Movement; riskAdjusted: Movement; cashableRiskAdjusted: Movement };
  added: GainSnapshot[];
  removed: GainSnapshot[];
  matchedByName: MatchByName[];
  movements: GainMovement[];
  slipped: Slippage[];
  /** Profiles that changed in other ways than slipping. */
  reprofiled: Reprofile[];
  ratings: RatingChange[];
  reclassified: Reclassification[];
  renamed: Array<{ id: string | null; last: string | null; current: string | null }>;
  restated: Restatement;
  /** Quarters whose actual (or trajectory) figure was changed after it was reported. */
  revisedQuarters: QuarterRevision[];
  /** Quarters with an actual for the first time. */
  newQuarters: QuarterReported[];
  /** Gains in both returns with nothing changed. */
  unchanged: number;
  /** True when nothing at all changed (totals included). */
  noChanges: boolean;
}

/** b - a exactly (the nearest double to the exact decimal difference); null when either is missing. */
function difference(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return sumExact([b, -a]);
}

function movement(last: number | null, current: number | null): Movement {
  return { last, current, change: difference(last, current) };
}

function moved(m: Movement): boolean {
  return m.last !== m.current;
}

/** A gain's amounts and profile in another unit (exactly). */
function inUnit(gain: GainRecord, from: MoneyUnit, to: MoneyUnit): GainRecord {
  if (from === to) return gain;
  const r = (v: number | null) => (v === null ? null : rescale(v, from, to));
  const profile = new Map<number, number>();
  for (const [year, value] of gain.profile) profile.set(year, rescale(value, from, to));
  return { ...gain, gross: r(gain.gross), costs: r(gain.costs), net: r(gain.net), riskAdjusted: r(gain.riskAdjusted), profile };
}

interface Pair {
  last: GainRecord;
  current: GainRecord;
  by: "id" | "name";
}

const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

/** By ID in natural order (G2 before G10), gains without an ID after, by name. */
function byGainOrder(a: GainRecord, b: GainRecord): number {
  if (a.id !== null && b.id !== null) return collator.compare(a.id, b.id) || collator.compare(a.name ?? "", b.name ?? "");
  if (a.id !== null) return -1;
  if (b.id !== null) return 1;
  return collator.compare(a.name ?? "", b.name ?? "");
}

/** Pairs gains by ID (in order, when an ID repeats), then the rest by a name unique on both sides. */
export function matchGains(
  last: readonly GainRecord[],
  current: readonly GainRecord[],
): { pairs: Pair[]; added: GainRecord[]; removed: GainRecord[] } {
  const pairs: Pair[] = [];
  const usedLast = new Set<number>();
  const usedCurrent = new Set<number>();
  const lastById = new Map<string, number[]>();
  last.forEach((g, i) => {
    if (g.id === null) return;
    const key = gainIdKey(g.id);
    const list = lastById.get(key);
    if (list) list.push(i);
    else lastById.set(key, [i]);
  });
  current.forEach((g, i) => {
    if (g.id === null) return;
    const candidates = lastById.get(gainIdKey(g.id));
    const j = candidates?.shift();
    if (j === undefined) return;
    pairs.push({ last: last[j], current: g, by: "id" });
    usedLast.add(j);
    usedCurrent.add(i);
  });
  const byName = (gains: readonly GainRecord[], used: Set<number>) => {
    const map = new Map<string, number[]>();
    gains.forEach((g, i) => {
      if (used.has(i) || g.name === null) return;
      const key = gainNameKey(g.name);
      if (key === "") return;
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    });
    return map;
  };
  const lastNames = byName(last, usedLast);
  const currentNames = byName(current, usedCurrent);
  for (const [key, currentIndexes] of currentNames) {
    const lastIndexes = lastNames.get(key);
    // A name shared by several unmatched gains says nothing about which is which.
    if (!lastIndexes || lastIndexes.length !== 1 || currentIndexes.length !== 1) continue;
    pairs.push({ last: last[lastIndexes[0]], current: current[currentIndexes[0]], by: "name" });
    usedLast.add(lastIndexes[0]);
    usedCurrent.add(currentIndexes[0]);
  }
  // In ID order, whatever the rows' order: reordering a register changes nothing in the lists.
  pairs.sort((a, b) => byGainOrder(a.current, b.current));
  return {
    pairs,
    added: current.filter((_g, i) => !usedCurrent.has(i)).sort(byGainOrder),
    removed: last.filter((_g, i) => !usedLast.has(i)).sort(byGainOrder),
  };
}

/** First financial year with a positive value. */
function firstYearOf(profile: ReadonlyMap<number, number>): number | null {
  let first: number | null = null;
  for (const [year, value] of profile) if (value > 0 && (first === null || year < first)) first = year;
  return first;
}

/**
 * Value moved from earlier years to later ones: at each year boundary, the lesser of how much the
 * value up to that year fell and how much the value after it rose; the largest over all boundaries.
 * A gain cut in one year and not made up later has not slipped (nothing rose after it); one whose
 * 2026-27 value moved into 2027-28 has.
 */
export function valueMovedLater(last: ReadonlyMap<number, number>, current: ReadonlyMap<number, number>): number {
  const years = [...new Set([...last.keys(), ...current.keys()])].sort((a, b) => a - b);
  let best = 0;
  for (let k = 0; k < years.length - 1; k++) {
    const upTo = years.slice(0, k + 1);
    const after = years.slice(k + 1);
    const fellBy = sumExact([...upTo.map((y) => last.get(y) ?? 0), ...upTo.map((y) => -(current.get(y) ?? 0))]);
    const roseBy = sumExact([...after.map((y) => current.get(y) ?? 0), ...after.map((y) => -(last.get(y) ?? 0))]);
    const movedNow = Math.min(fellBy, roseBy);
    if (movedNow > best) best = movedNow;
  }
  return best;
}

function yearMovements(last: ReadonlyMap<number, number>, current: ReadonlyMap<number, number>): YearMovement[] {
  const years = [...new Set([...last.keys(), ...current.keys()])].sort((a, b) => a - b);
  return (
    years
      // A blank year is a year of 0: writing 0 where a blank was is no change.
      .filter((year) => (last.get(year) ?? 0) !== (current.get(year) ?? 0))
      .map((year) => {
        const a = last.get(year) ?? null;
        const b = current.get(year) ?? null;
        return { year, last: a, current: b, change: difference(a ?? 0, b ?? 0) };
      })
  );
}

function ref(gain: GainRecord): GainRef {
  return { id: gain.id, name: gain.name };
}

function snapshot(gain: GainRecord): GainSnapshot {
  return { ...ref(gain), type: gain.type, net: gain.net, riskAdjusted: gain.riskAdjusted, firstYear: firstYearOf(gain.profile) };
}

function sameRating(a: GainRecord, b: GainRecord): boolean {
  if (a.deliverability !== null || b.deliverability !== null) return a.deliverability === b.deliverability;
  return (a.rag ?? "").trim().toLowerCase() === (b.rag ?? "").trim().toLowerCase();
}

/** Sum of the gains that count in a total (service reductions never do), as the validator totals them. */
function total(
  gains: readonly GainRecord[],
  pick: (g: GainRecord) => number | null,
  include: (g: GainRecord) => boolean = () => true,
): number {
  const values: number[] = [];
  for (const g of gains) {
    if (g.serviceReduction || !include(g)) continue;
    const v = pick(g);
    if (v !== null) values.push(v);
  }
  return sumExact(values);
}

function percentText(rate: number): string {
  return `${Number((rate * 100).toPrecision(12))}%`;
}

function targetBasis(r: ReturnRecords): string {
  const due = r.targetYear === null ? "" : ` to ${financialYearLabel(r.targetYear)}`;
  return `${percentText(r.targetRate)} a year, ${r.targetMethod}, over ${r.targetYears} year${r.targetYears === 1 ? "" : "s"}${due}`;
}

function compareQuarters(last: readonly QuarterRecord[], current: readonly QuarterRecord[], unitOf: (v: number | null) => number | null) {
  const key = (q: QuarterRecord) => (q.index !== null ? `q${q.index}` : `l${gainNameKey(q.label)}`);
  const currentByKey = new Map<string, QuarterRecord>();
  for (const q of current) if (!currentByKey.has(key(q))) currentByKey.set(key(q), q);
  const lastByKey = new Map<string, QuarterRecord>();
  for (const q of last) if (!lastByKey.has(key(q))) lastByKey.set(key(q), q);
  // Chronological whatever the rows' order; labels that are not quarters after, in the last return's order.
  const sortKey = (q: QuarterRecord, position: number) => (q.index !== null ? q.index : Number.MAX_SAFE_INTEGER / 2 + position);
  const revised: Array<QuarterRevision & { order: number }> = [];
  [...lastByKey.values()].forEach((before, position) => {
    const after = currentByKey.get(key(before));
    for (const field of ["actual", "trajectory"] as const) {
      const a = unitOf(before[field]);
      if (a === null) continue;
      // A quarter dropped from this return has had its reported figure withdrawn.
      const b = after ? after[field] : null;
      if (a !== b)
        revised.push({
          label: after?.label ?? before.label,
          field,
          last: a,
          current: b,
          change: difference(a, b),
          order: sortKey(before, position),
        });
    }
  });
  const reported: Array<QuarterReported & { order: number }> = [];
  [...currentByKey.values()].forEach((after, position) => {
    if (after.actual === null) return;
    const before = lastByKey.get(key(after));
    if (!before || before.actual === null) reported.push({ label: after.label, actual: after.actual, order: sortKey(after, position) });
  });
  revised.sort((a, b) => a.order - b.order || (a.field === b.field ? 0 : a.field === "actual" ? -1 : 1));
  reported.sort((a, b) => a.order - b.order);
  return {
    revised: revised.map(({ order: _order, ...rest }): QuarterRevision => rest),
    reported: reported.map(({ order: _order, ...rest }): QuarterReported => rest),
  };
}

/** What changed from the last return to this one. */
export function compareReturns(lastReturn: ReturnRecords, currentReturn: ReturnRecords): ReturnComparison {
  const unit = currentReturn.unit;
  const toUnit = (v: number | null) => (v === null ? null : rescale(v, lastReturn.unit, unit));
  const lastGains = lastReturn.gains.map((g) => inUnit(g, lastReturn.unit, unit));
  const currentGains = currentReturn.gains;
  const { pairs, added, removed } = matchGains(lastGains, currentGains);

  const movements: GainMovement[] = [];
  const slipped: Slippage[] = [];
  const reprofiled: Reprofile[] = [];
  const ratings: RatingChange[] = [];
  const reclassified: Reclassification[] = [];
  const renamed: ReturnComparison["renamed"] = [];
  const matchedByName: MatchByName[] = [];
  let unchanged = 0;
  for (const { last, current, by } of pairs) {
    let changed = false;
    if (by === "name") {
      matchedByName.push({ lastId: last.id, id: current.id, name: current.name });
      changed = true;
    } else if (gainNameKey(last.name ?? "") !== gainNameKey(current.name ?? "")) {
      renamed.push({ id: current.id, last: last.name, current: current.name });
      changed = true;
    }
    const gross = movement(last.gross, current.gross);
    const costs = movement(last.costs, current.costs);
    const net = movement(last.net, current.net);
    const riskAdjusted = movement(last.riskAdjusted, current.riskAdjusted);
    if (moved(gross) || moved(costs) || moved(net) || moved(riskAdjusted)) {
      movements.push({ ...ref(current), gross, costs, net, riskAdjusted });
      changed = true;
    }
    const years = yearMovements(last.profile, current.profile);
    if (years.length > 0) {
      changed = true;
      const movedLater = valueMovedLater(last.profile, current.profile);
      const firstYear = { last: firstYearOf(last.profile), current: firstYearOf(current.profile) };
      const startsLater = firstYear.last !== null && (firstYear.current === null || firstYear.current > firstYear.last);
      if (movedLater > 0 || startsLater) slipped.push({ ...ref(current), movedLater, firstYear, years });
      else reprofiled.push({ ...ref(current), years });
    }
    if (!sameRating(last, current)) {
      ratings.push({
        ...ref(current),
        last: { deliverability: last.deliverability, rag: last.rag },
        current: { deliverability: current.deliverability, rag: current.rag },
      });
      changed = true;
    }
    if (last.type !== current.type) {
      reclassified.push({ ...ref(current), last: last.type, current: current.type });
      changed = true;
    }
    if (!changed) unchanged++;
  }

  const totals = {
    net: movement(
      total(lastGains, (g) => g.net),
      total(currentGains, (g) => g.net),
    ),
    riskAdjusted: movement(
      total(lastGains, (g) => g.riskAdjusted),
      total(currentGains, (g) => g.riskAdjusted),
    ),
    cashableRiskAdjusted: movement(
      total(
        lastGains,
        (g) => g.riskAdjusted,
        (g) => g.type === "cashable",
      ),
      total(
        currentGains,
        (g) => g.riskAdjusted,
        (g) => g.type === "cashable",
      ),
    ),
  };

  const baselineLast = toUnit(lastReturn.baselineTotal);
  const targetLast = toUnit(lastReturn.target);
  const basisLast = targetBasis(lastReturn);
  const basisCurrent = targetBasis(currentReturn);
  const restated: Restatement = {
    baseline: baselineLast !== currentReturn.baselineTotal ? movement(baselineLast, currentReturn.baselineTotal) : null,
    baselineYear:
      lastReturn.baselineYear !== currentReturn.baselineYear
        ? { last: lastReturn.baselineYear, current: currentReturn.baselineYear }
        : null,
    target: targetLast !== currentReturn.target ? movement(targetLast, currentReturn.target) : null,
    targetBasis: basisLast !== basisCurrent ? { last: basisLast, current: basisCurrent } : null,
  };

  const quarters = compareQuarters(lastReturn.quarters, currentReturn.quarters, toUnit);

  const noChanges =
    added.length === 0 &&
    removed.length === 0 &&
    unchanged === pairs.length &&
    !moved(totals.net) &&
    !moved(totals.riskAdjusted) &&
    !moved(totals.cashableRiskAdjusted) &&
    restated.baseline === null &&
    restated.baselineYear === null &&
    restated.target === null &&
    restated.targetBasis === null &&
    quarters.revised.length === 0 &&
    quarters.reported.length === 0;

  return {
    last: { file: lastReturn.file, reportingDate: lastReturn.reportingDate, unit: lastReturn.unit },
    current: { file: currentReturn.file, reportingDate: currentReturn.reportingDate, unit: currentReturn.unit },
    unit,
    totals,
    added: added.map(snapshot),
    removed: removed.map(snapshot),
    matchedByName,
    movements,
    slipped,
    reprofiled,
    ratings,
    reclassified,
    renamed,
    restated,
    revisedQuarters: quarters.revised,
    newQuarters: quarters.reported,
    unchanged,
    noChanges,
  };
}
