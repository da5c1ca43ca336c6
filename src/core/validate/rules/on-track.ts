/** Method: is the return on track against the target path (src/core/review/on-track.ts)? */
import { onTrackOf, ON_TRACK_WORDS, type OnTrackJudgement } from "../../review/on-track";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleContext, type RuleFinding } from "../rule";
import { formatPercent } from "../text";
import { a1 } from "../../workbook/model";

function where(ctx: RuleContext, judgement: OnTrackJudgement): Pick<RuleFinding, "sheet" | "cell"> {
  const quarterly = ctx.table("quarterly");
  const actualCol = quarterly?.columns.get("actual");
  if (judgement.decidedBy === "to-date" && judgement.toDate && quarterly && actualCol !== undefined) {
    const row = ctx.data.quarterly.find((q) => q.quarterEnd === judgement.toDate!.quarterEnd && q.actual !== null);
    if (row) return { sheet: row.sheet, cell: a1(row.row, actualCol) };
  }
  const profile = ctx.table("profile");
  const year = judgement.weakestPlanYear?.year;
  const col = year === undefined ? undefined : profile?.yearColumns.get(year);
  if (profile && col !== undefined) return { sheet: profile.sheet.name, cell: ctx.columnRange(profile, col) };
  const gains = ctx.table("gains");
  const raCol = gains?.columns.get("riskAdjusted") ?? gains?.columns.get("net");
  if (gains && raCol !== undefined) return { sheet: gains.sheet.name, cell: ctx.columnRange(gains, raCol) };
  return { sheet: null, cell: null };
}

/**
 * The values of the finding's message: the status word, the figures of both measures (each amount
 * through `money`, with £ and the unit), the shares.
 */
function onTrackData(
  judgement: OnTrackJudgement,
  money: (value: number) => string,
): Record<"status" | "measures" | "onTrackShare" | "atRiskShare", string> {
  const short = (shortfall: number) => (shortfall > 0 ? `, short by ${money(shortfall)}` : "");
  const parts: string[] = [];
  const t = judgement.toDate;
  if (t) {
    parts.push(
      `actual gains of ${money(t.amount)} by the end of ${t.label} against ${money(t.due)} due on the target path (${formatPercent(t.share)})${short(t.shortfall)}`,
    );
  } else parts.push("no quarter with an actual has ended yet");
  const p = judgement.weakestPlanYear;
  if (p) {
    const which = judgement.plan.length > 1 ? `its weakest year, ${p.label}` : p.label;
    parts.push(
      `the plan counts on ${money(p.amount)} of risk-adjusted cashable gains in ${which}, against ${money(p.due)} due by that year's end (${formatPercent(p.share)})${short(p.shortfall)}`,
    );
  }
  const word = ON_TRACK_WORDS[judgement.status];
  const th = judgement.thresholds;
  return {
    status: `${word[0].toUpperCase()}${word.slice(1)}`,
    measures: parts.join("; "),
    onTrackShare: formatPercent(th.onTrackShare),
    atRiskShare: formatPercent(th.atRiskShare),
  };
}

const JUDGEMENT_MESSAGE = "{{status}}: {{measures}}. On track from {{onTrackShare}} of the target path, at risk from {{atRiskShare}}.";

export const onTrack = defineRule({
  id: "method.on-track",
  principle: "method",
  severity: "info",
  title: "On track, at risk or off track against the target path",
  checks:
    "Judges the return against the target path: VFM.TARGET for each year of the spending period, phased linearly by quarter within each year. Two measures: the latest quarter's Actual (ended by the reporting date) against the path at that quarter's end, and, for each year of the period not yet over (the target year once all are), the risk-adjusted cashable gains the Profile plans for that year against the target due by that year's end (without a Profile, the register's risk-adjusted cashable gains against the final target). Each measure is on track at or above the on-track share of the path, at risk at or above the at-risk share, off track below; the return takes the worse of the two.",
  why: `${PRINCIPLE_TITLES.vi}: the Board needs to know whether delivery so far, and the plan for the rest of the period, keep to the path to the target, not only how far along it the gains are.`,
  fix: "Nothing to fix in the workbook: this reports delivery. If the return is at risk or off track, the plan needs more gains (or earlier ones) to close the shortfall shown.",
  judgement:
    "Quarterly Trajectory and Actual figures are read as gains delivered from the start of the spending period to the quarter's end. The path is phased linearly within each year. A positive profile value is risk-adjusted in the same proportion as the gain's register figures (risk-adjusted / net); an investment year is not discounted. The shares (100% and 90%) are ours: set On-track share and At-risk share in the Settings table.",
  settings: ["onTrackShare", "atRiskShare", "targetRate", "targetMethod", "targetYears", "baselineYear", "reportingDate"],
  example: {
    failing: "Actual 2,050,000 at Q2 2026-27 against 6,180,000 due on the path (33.2%): off track.",
    passing: "Actual 6,200,000 at Q2 2026-27 against 6,180,000 due, and a plan that meets each year's target: on track.",
  },
  messages: { judgement: JUDGEMENT_MESSAGE },
  check(ctx) {
    const judgement = onTrackOf(ctx.analysis);
    if (!judgement) return [];
    return [
      {
        ...where(ctx, judgement),
        messageId: "judgement",
        data: onTrackData(judgement, (value) => ctx.money(value, ctx.data.unit, "report")),
      },
    ];
  },
});

export const RULES_ON_TRACK: readonly Rule[] = [onTrack];
