/**
 * One tile per principle. Status is said in words and with an icon, never by colour alone, and the
 * summary region takes focus after a check (the GOV.UK error-summary pattern).
 */
import * as React from "react";
import { makeStyles, tokens, Text } from "@fluentui/react-components";
import { CheckmarkCircle20Filled, ErrorCircle20Filled, SubtractCircle20Regular, Warning20Filled } from "@fluentui/react-icons";
import { PRINCIPLES } from "../../core/validate/types";
import type { PrincipleKey, PrincipleStatus, ValidationReport } from "../../core/validate/types";
import type { RuleCatalogue } from "../source";
import { formatIsoDate, plural } from "../format";
import { panelStyle } from "./layout";
import { verdictOf, verdictWord } from "../../core/review/verdict";
import { ON_TRACK_WORDS } from "../../core/review/on-track";
import { formatCellRef } from "../../core/text/sheet-name";
import type { PaneOnTrack } from "../vfm-data";

const useStyles = makeStyles({
  region: {
    ...panelStyle,
    // Focus arrives here after every check (GOV.UK error-summary pattern): visible, but not alarming.
    ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: "2px" },
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  totals: { margin: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(116px, 1fr))",
    gap: tokens.spacingHorizontalS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  pass: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  warn: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  fail: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  unchecked: { borderLeftColor: tokens.colorNeutralStroke1, borderLeftStyle: "dashed" },
  principle: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "break-word",
    hyphens: "auto",
  },
  status: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  passIcon: { color: tokens.colorPaletteGreenForeground1 },
  warnIcon: { color: tokens.colorPaletteMarigoldForeground1 },
  failIcon: { color: tokens.colorPaletteRedForeground1 },
  uncheckedIcon: { color: tokens.colorNeutralForeground3 },
  counts: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * What a tile shows: the report's status. "not-checked": the principle's evidence was not found (or the
 * workbook holds no VfM table at all), which must not read as a pass to someone signing it off.
 */
type TileStatus = PrincipleStatus;

const STATUS_TEXT: Record<TileStatus, string> = { pass: "Pass", warn: "Warnings", fail: "Fails", "not-checked": "Not checked" };

const tileClass = (status: TileStatus) => (status === "not-checked" ? "unchecked" : status);

/** Why the check had nothing to look at, when it had nothing. */
type NothingToCheck = "empty" | "no-tables";

export function principleLabel(key: PrincipleKey): string {
  return key === "method" ? "Method" : `(${key})`;
}

/** "(iii) Cashable gains should be net of cost"; the method title already says "method". */
export function principleHeading(key: PrincipleKey, title: string): string {
  if (key !== "method") return `(${key}) ${title}`;
  return /method/i.test(title) ? title : `Method: ${title}`;
}

/**
 * The verdict, as the command line gives it for the same return (src/core/review/verdict.ts): pass,
 * warnings or fail, then whether the plan is on track. Never "no problems" above a warning.
 */
function headline(report: ValidationReport, nothingToCheck: NothingToCheck | undefined, onTrack: PaneOnTrack | null | undefined): string {
  if (nothingToCheck === "empty") return "This workbook is empty";
  if (nothingToCheck === "no-tables") return "No VfM tables found in this workbook";
  const verdict = verdictOf({ file: report.file, status: "checked", report, vfmTablesFound: true });
  const word = verdictWord(verdict);
  const failed = verdict.principlesFailed.map((p) => principleLabel(p)).join(" ");
  const notChecked = verdict.principlesNotChecked.map((p) => principleLabel(p)).join(" ");
  const head =
    word === "fail"
      ? `Fails${failed ? ` ${failed}` : ""}: ${plural(verdict.errors, "error", "errors")}${verdict.warnings ? `, ${plural(verdict.warnings, "warning", "warnings")}` : ""}`
      : word === "warnings"
        ? `Passes with ${plural(verdict.warnings, "warning", "warnings")}`
        : notChecked
          ? "No problems in what could be checked"
          : "Passes every principle";
  // A principle whose evidence was not found is said in the headline too: "passes" must not cover it.
  const parts = [head, ...(notChecked ? [`${notChecked} not checked`] : []), ...(onTrack ? [ON_TRACK_WORDS[onTrack.status]] : [])];
  return parts.join("; ");
}

/** The most important thing to do: the first error's fix, else the first warning's, else close the gap to the target path. */
function nextStep(report: ValidationReport, catalogue: RuleCatalogue, onTrack: PaneOnTrack | null | undefined): string {
  for (const severity of ["error", "warning"] as const) {
    const first = report.findings.find((f) => f.severity === severity);
    if (!first) continue;
    const fix = catalogue.rule(first.rule)?.fix ?? first.message;
    const where = first.sheet ? ` (${formatCellRef(first.sheet, first.cell)})` : "";
    return `First, ${severity === "error" ? "the error" : "the warning"}${where}: ${fix}`;
  }
  if (onTrack && onTrack.status !== "on-track")
    return `The workbook meets the principles, but the plan needs more gains, or earlier ones. ${onTrack.text}`;
  return "Nothing to fix: keep the quarterly updates to the Board coming.";
}

function StatusIcon({ status }: { status: TileStatus }) {
  const styles = useStyles();
  if (status === "not-checked") return <SubtractCircle20Regular aria-hidden className={styles.uncheckedIcon} />;
  if (status === "pass") return <CheckmarkCircle20Filled aria-hidden className={styles.passIcon} />;
  if (status === "warn") return <Warning20Filled aria-hidden className={styles.warnIcon} />;
  return <ErrorCircle20Filled aria-hidden className={styles.failIcon} />;
}

function countsText(counts: { error: number; warning: number; info: number }): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, "error", "errors"));
  if (counts.warning) parts.push(plural(counts.warning, "warning", "warnings"));
  if (counts.info) parts.push(plural(counts.info, "note", "notes"));
  return parts.length ? parts.join(", ") : "No findings";
}

export interface SummaryProps {
  report: ValidationReport;
  catalogue: RuleCatalogue;
  label: string;
  /** Set when the workbook is empty or has no VfM table: principles without findings were not checked, not passed. */
  nothingToCheck?: NothingToCheck;
  /** On track or not, stated in the headline beside the verdict. */
  onTrack?: PaneOnTrack | null;
}

export const Summary = React.forwardRef<HTMLElement, SummaryProps>(function Summary(
  { report, catalogue, label, nothingToCheck, onTrack },
  ref,
) {
  const styles = useStyles();
  const counts = React.useMemo(() => {
    const byPrinciple = new Map<PrincipleKey, { error: number; warning: number; info: number }>();
    for (const key of PRINCIPLES) byPrinciple.set(key, { error: 0, warning: 0, info: 0 });
    for (const finding of report.findings) {
      const entry = byPrinciple.get(finding.principle);
      if (entry) entry[finding.severity] += 1;
    }
    return byPrinciple;
  }, [report]);
  const { errors, warnings, infos } = report.summary;
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="vfm-summary-heading" className={styles.region} data-testid="summary">
      <h2 id="vfm-summary-heading" className={styles.heading}>
        {headline(report, nothingToCheck, onTrack)}
      </h2>
      {!nothingToCheck && (
        <Text as="p" className={styles.totals} data-testid="next-step">
          {nextStep(report, catalogue, onTrack)}
        </Text>
      )}
      <Text as="p" className={styles.totals}>
        {`${label}, checked against a reporting date of ${formatIsoDate(report.reportingDate)}: `}
        {`${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}, ${plural(infos, "note", "notes")}.`}
      </Text>
      <ul className={styles.grid} aria-label="Principles">
        {PRINCIPLES.map((key) => {
          const reported = report.summary.principles[key] ?? "pass";
          const status: TileStatus = reported === "pass" && nothingToCheck ? "not-checked" : reported;
          const why = status === "not-checked" ? report.summary.notChecked?.[key]?.reason : undefined;
          return (
            <li key={key} data-principle={key} className={`${styles.tile} ${styles[tileClass(status)]}`}>
              <span className={styles.principle}>{principleHeading(key, catalogue.principleTitle(key))}</span>
              <span className={styles.status}>
                <StatusIcon status={status} />
                {STATUS_TEXT[status]}
              </span>
              {why && (
                <span className={styles.counts} data-testid="not-checked-reason">
                  {why}
                </span>
              )}
              <span className={styles.counts}>{countsText(counts.get(key)!)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
