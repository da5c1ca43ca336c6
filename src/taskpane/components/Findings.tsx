/** Findings grouped by principle, filterable by severity, each with why, how to fix and "Go to cell". */
import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, makeStyles, tokens, Text, ToggleButton } from "@fluentui/react-components";
import {
  CheckboxChecked16Regular,
  CheckboxUnchecked16Regular,
  ErrorCircle16Filled,
  Info16Filled,
  LocationRipple16Regular,
  Warning16Filled,
} from "@fluentui/react-icons";
import { PRINCIPLES } from "../../core/validate/types";
import type { Finding, PrincipleKey, Severity } from "../../core/validate/types";
import type { CellPreview, GoToOutcome, RuleCatalogue } from "../source";
import { ruleDocUrl } from "../rule-docs";
import { formatCellRef } from "../../core/text/sheet-name";
import { CellView } from "./CellView";
import { errorLine } from "../source";
import { principleHeading, principleLabel } from "./Summary";
import { formatCount, plural } from "../format";
import { rangesText, rolledUpHeadline, rollUpFindings, type RolledUpFinding } from "../../core/review/rollup";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  finding: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  severity: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Colour on the icon only: marigold text on white fails the 4.5:1 contrast a label needs, and the
  // word beside the icon already says the severity.
  error: { color: tokens.colorPaletteRedForeground1, display: "inline-flex" },
  warning: { color: tokens.colorPaletteMarigoldForeground1, display: "inline-flex" },
  info: { color: tokens.colorBrandForeground1, display: "inline-flex" },
  message: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, fontSize: tokens.fontSizeBase200 },
  label: { fontWeight: tokens.fontWeightSemibold },
  location: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXXS,
  },
  empty: { color: tokens.colorNeutralForeground2 },
  more: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

const SEVERITY_TEXT: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };
const FILTER_TEXT: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Notes" };
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
/** Findings shown per principle at first: a real-world workbook can carry thousands. */
const FIRST_PAGE = 50;
/**
 * Findings added by each "Show more". Rendering thousands at once froze the page for seconds
 * (2,500 findings took over 2 s in chromium), so they come a few hundred at a time.
 */
const MORE_PAGE = 200;

function SeverityIcon({ severity }: { severity: Severity }) {
  if (severity === "error") return <ErrorCircle16Filled aria-hidden />;
  if (severity === "warning") return <Warning16Filled aria-hidden />;
  return <Info16Filled aria-hidden />;
}

export function findingLocation(finding: Finding): string | null {
  if (!finding.sheet) return null;
  return formatCellRef(finding.sheet, finding.cell);
}

function RuleLink({ id, docPath }: { id: string; docPath: string | undefined }) {
  return (
    <Link href={ruleDocUrl(docPath ?? id)} target="_blank" rel="noopener noreferrer">
      {`About rule ${id}`}
    </Link>
  );
}

function GoToProblem({ text }: { text: string | null }) {
  return text ? (
    <MessageBar intent="warning">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  ) : null;
}

interface FindingItemProps {
  finding: Finding;
  catalogue: RuleCatalogue;
  onGoToCell: (sheet: string, cell: string) => Promise<GoToOutcome>;
}

function FindingItem({ finding, catalogue, onGoToCell }: FindingItemProps) {
  const styles = useStyles();
  const rule = catalogue.rule(finding.rule);
  const location = findingLocation(finding);
  const [preview, setPreview] = React.useState<CellPreview | null>(null);
  const [goToProblem, setGoToProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const previewRef = React.useRef<HTMLDivElement>(null);
  const buttonRef = React.useRef<HTMLButtonElement>(null);

  React.useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);

  const goToCell = async () => {
    if (!finding.sheet || !finding.cell) return;
    setBusy(true);
    setGoToProblem(null);
    try {
      const outcome = await onGoToCell(finding.sheet, finding.cell);
      if (outcome.kind === "preview") setPreview(outcome.preview);
      else if (outcome.kind === "failed") setGoToProblem(outcome.reason);
    } catch (error) {
      // A failure here (Excel busy, a chunk that did not load) is shown, never an unhandled rejection.
      setGoToProblem(errorLine(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-rule={finding.rule} data-severity={finding.severity} className={styles.finding}>
      <span className={styles.severity}>
        <span className={styles[finding.severity]}>
          <SeverityIcon severity={finding.severity} />
        </span>
        {SEVERITY_TEXT[finding.severity]}
        {location && <span className={styles.location}>{` · ${location}`}</span>}
      </span>
      <p className={styles.message}>{finding.message}</p>
      {rule && (
        <>
          <p className={styles.detail}>
            <span className={styles.label}>Why it matters: </span>
            {rule.why}
          </p>
          <p className={styles.detail}>
            <span className={styles.label}>How to fix: </span>
            {rule.fix}
          </p>
          {rule.judgement && (
            <p className={styles.detail}>
              <span className={styles.label}>Our judgement: </span>
              {rule.judgement}
            </p>
          )}
        </>
      )}
      <div className={styles.actions}>
        {finding.sheet && finding.cell && (
          <Button
            ref={buttonRef}
            size="small"
            icon={<LocationRipple16Regular />}
            onClick={() => void goToCell()}
            disabled={busy}
            aria-label={`Go to cell ${location ?? ""}`.trim()}
          >
            Go to cell
          </Button>
        )}
        <RuleLink id={finding.rule} docPath={rule?.docPath} />
      </div>
      <GoToProblem text={goToProblem} />
      {preview && (
        <CellView
          ref={previewRef}
          preview={preview}
          onClose={() => {
            setPreview(null);
            buttonRef.current?.focus();
          }}
        />
      )}
    </li>
  );
}

/** A page of items at a time: a real-world workbook can carry thousands. */
function Paged<T>(props: {
  items: readonly T[];
  render: (item: T, index: number) => React.ReactNode;
  moreLabel: string;
  listLabel?: string;
}) {
  const styles = useStyles();
  const [limit, setLimit] = React.useState(FIRST_PAGE);
  const shown = props.items.slice(0, limit);
  const hidden = props.items.length - shown.length;
  return (
    <>
      <ul className={styles.list} aria-label={props.listLabel}>
        {shown.map(props.render)}
      </ul>
      {hidden > 0 && (
        <div className={styles.more}>
          <Text size={200}>{`Showing ${formatCount(shown.length)} of ${formatCount(props.items.length)}.`}</Text>
          <Button appearance="secondary" size="small" onClick={() => setLimit((current) => current + MORE_PAGE)}>
            {`Show ${plural(Math.min(MORE_PAGE, hidden), "more finding", "more findings")} for ${props.moreLabel}`}
          </Button>
        </div>
      )}
    </>
  );
}

/**
 * The same rule failing on many rows, as one item: the count, the rule, the ranges, the first
 * message, Go to cell for the first range, and every finding one click away.
 */
function RolledUpItem({ group, catalogue, onGoToCell }: { group: RolledUpFinding } & Omit<FindingItemProps, "finding">) {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const first = group.findings[0];
  const rule = catalogue.rule(group.rule);
  const [goToProblem, setGoToProblem] = React.useState<string | null>(null);
  const [preview, setPreview] = React.useState<CellPreview | null>(null);
  const range = group.ranges[0];
  const goTo = async () => {
    if (!range) return;
    try {
      const outcome = await onGoToCell(range.sheet, range.cell);
      setGoToProblem(outcome.kind === "failed" ? outcome.reason : null);
      setPreview(outcome.kind === "preview" ? outcome.preview : null);
    } catch (error) {
      setGoToProblem(errorLine(error));
    }
  };
  return (
    <li data-rolled-up-rule={group.rule} data-severity={group.severity} className={styles.finding}>
      <span className={styles.severity}>
        <span className={styles[group.severity]}>
          <SeverityIcon severity={group.severity} />
        </span>
        {SEVERITY_TEXT[group.severity]}
        <span className={styles.location}>{` · ${rangesText(group)}`}</span>
      </span>
      <p className={styles.message}>{rolledUpHeadline(group, rule?.title)}</p>
      <p className={styles.detail}>
        <span className={styles.label}>The first: </span>
        {first.message}
      </p>
      {rule && (
        <p className={styles.detail}>
          <span className={styles.label}>How to fix: </span>
          {rule.fix}
        </p>
      )}
      <div className={styles.actions}>
        {range && (
          <Button
            size="small"
            icon={<LocationRipple16Regular />}
            onClick={() => void goTo()}
            aria-label={`Go to ${formatCellRef(range.sheet, range.cell)}`}
          >
            Go to cell
          </Button>
        )}
        <Button size="small" appearance="secondary" aria-expanded={open} onClick={() => setOpen((current) => !current)}>
          {open ? "Hide each finding" : `Show each (${formatCount(group.count)})`}
        </Button>
        <RuleLink id={group.rule} docPath={rule?.docPath} />
      </div>
      <GoToProblem text={goToProblem} />
      {preview && <CellView preview={preview} onClose={() => setPreview(null)} />}
      {open && (
        <Paged
          items={group.findings}
          listLabel={`Each finding of ${group.rule}`}
          moreLabel={group.rule}
          render={(finding, index) => (
            <FindingItem
              key={`${finding.sheet}|${finding.cell}|${index}`}
              finding={finding}
              catalogue={catalogue}
              onGoToCell={onGoToCell}
            />
          )}
        />
      )}
    </li>
  );
}

function PrincipleGroup(props: {
  principle: PrincipleKey;
  findings: Finding[];
  catalogue: RuleCatalogue;
  onGoToCell: FindingItemProps["onGoToCell"];
}) {
  const styles = useStyles();
  // The same rule failing on many rows reads as one item (src/core/review/rollup.ts).
  const items = React.useMemo(() => rollUpFindings(props.findings), [props.findings]);
  const headingId = `vfm-findings-${props.principle}`;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-findings-principle={props.principle}>
      <h3 id={headingId} className={styles.groupHeading}>
        {`${principleHeading(props.principle, props.catalogue.principleTitle(props.principle))} (${formatCount(props.findings.length)})`}
      </h3>
      <Paged
        items={items}
        moreLabel={principleLabel(props.principle)}
        render={(item, index) =>
          item.kind === "finding" ? (
            <FindingItem
              key={`${item.finding.rule}|${item.finding.sheet}|${item.finding.cell}|${index}`}
              finding={item.finding}
              catalogue={props.catalogue}
              onGoToCell={props.onGoToCell}
            />
          ) : (
            <RolledUpItem
              key={`${item.group.rule}|${item.group.severity}`}
              group={item.group}
              catalogue={props.catalogue}
              onGoToCell={props.onGoToCell}
            />
          )
        }
      />
    </section>
  );
}

export interface FindingsProps {
  findings: readonly Finding[];
  catalogue: RuleCatalogue;
  onGoToCell: FindingItemProps["onGoToCell"];
}

export function Findings({ findings, catalogue, onGoToCell }: FindingsProps) {
  const styles = useStyles();
  const [shown, setShown] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const counts = React.useMemo(() => {
    const result: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) result[finding.severity] += 1;
    return result;
  }, [findings]);
  const groups = React.useMemo(() => {
    const byPrinciple = new Map<PrincipleKey, Finding[]>();
    for (const finding of findings) {
      if (!shown[finding.severity]) continue;
      const list = byPrinciple.get(finding.principle) ?? [];
      list.push(finding);
      byPrinciple.set(finding.principle, list);
    }
    return PRINCIPLES.filter((key) => byPrinciple.has(key)).map((key) => ({ key, findings: byPrinciple.get(key)! }));
  }, [findings, shown]);

  return (
    <section className={styles.section} aria-labelledby="vfm-findings-heading">
      <h2 id="vfm-findings-heading" className={styles.heading}>
        Findings
      </h2>
      <div role="group" aria-label="Show findings by severity" className={styles.filters}>
        {SEVERITIES.map((severity) => (
          <ToggleButton
            key={severity}
            size="small"
            checked={shown[severity]}
            // A tick box as well as the pressed shading, so whether a severity is shown is never told by colour alone.
            icon={shown[severity] ? <CheckboxChecked16Regular aria-hidden /> : <CheckboxUnchecked16Regular aria-hidden />}
            onClick={() => setShown((current) => ({ ...current, [severity]: !current[severity] }))}
          >
            {`${FILTER_TEXT[severity]} (${formatCount(counts[severity])})`}
          </ToggleButton>
        ))}
      </div>
      {findings.length === 0 ? (
        <Text className={styles.empty}>The check found nothing to report.</Text>
      ) : groups.length === 0 ? (
        <Text className={styles.empty}>No findings match the severities chosen above.</Text>
      ) : (
        groups.map((group) => (
          <PrincipleGroup key={group.key} principle={group.key} findings={group.findings} catalogue={catalogue} onGoToCell={onGoToCell} />
        ))
      )}
    </section>
  );
}
