/**
 * "What the check found": each table the check recognised (sheet and range with Go to cell, how it was
 * recognised and how sure, each column's header as written with what it is read as), the workbook's
 * own RAG key, and each table it did not find with the nearest candidate. The same inspection as
 * `vfm inspect`; corrections go in the Settings table (docs/recognition.md).
 */
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Inspection, InspectedTable } from "../../core/validate/inspect";
import { formatCellRef } from "../../core/text";
import { errorLine, type GoToOutcome } from "../source";

const SURE = { high: "sure", medium: "fairly sure", low: "unsure" } as const;

const useStyles = makeStyles({
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  columns: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface WhatWasFoundProps {
  found: Inspection;
  onGoToCell: (sheet: string, cell: string) => Promise<GoToOutcome>;
}

function TableItem({ table, onGoToCell }: { table: InspectedTable; onGoToCell: WhatWasFoundProps["onGoToCell"] }) {
  const styles = useStyles();
  const used = table.columns.filter((c) => c.role !== null);
  const [goToProblem, setGoToProblem] = React.useState<string | null>(null);
  const goToTable = async () => {
    setGoToProblem(null);
    try {
      const outcome = await onGoToCell(table.sheet, table.range);
      if (outcome.kind === "failed") setGoToProblem(outcome.reason);
    } catch (error) {
      // A failure (Excel busy, the sheet gone) is shown, never an unhandled rejection.
      setGoToProblem(errorLine(error));
    }
  };
  return (
    <li data-table={table.table}>
      <Text weight="semibold">{table.label}</Text>{" "}
      <Button size="small" appearance="transparent" onClick={() => void goToTable()}>
        {formatCellRef(table.sheet, table.range)}
      </Button>
      {table.hidden ? " (hidden sheet)" : ""}
      {goToProblem && (
        <div role="alert" className={styles.note}>
          {goToProblem}
        </div>
      )}
      <div className={styles.note}>
        Found by {table.how} ({SURE[table.confidence]}); {table.rows} {table.rows === 1 ? "row" : "rows"}
        {table.context.unit ? `; title block: ${table.context.unit}` : ""}
      </div>
      <ul className={styles.columns} aria-label={`${table.label} columns`}>
        {used.map((c) => (
          <li key={c.column}>
            {c.column} “{c.header}”: {c.role}
            {c.unit ? ` (${c.unit})` : ""}
          </li>
        ))}
      </ul>
      {table.missing.length > 0 && <div className={styles.note}>Not found: {table.missing.join(", ")}</div>}
    </li>
  );
}

export function WhatWasFound({ found, onGoToCell }: WhatWasFoundProps) {
  const styles = useStyles();
  const missing = found.notFound.filter((n) => !n.declaredAbsent && n.table !== "settings" && n.table !== "summary");
  return (
    <Accordion collapsible>
      <AccordionItem value="found">
        <AccordionHeader as="h2" className={styles.heading}>
          What the check found
        </AccordionHeader>
        <AccordionPanel>
          <Text className={styles.note} as="p">
            Looked at {found.sheets.length} {found.sheets.length === 1 ? "sheet" : "sheets"}
            {found.sheets.some((s) => s.visibility !== "visible")
              ? `, hidden ones too (${found.sheets
                  .filter((s) => s.visibility !== "visible")
                  .map((s) => s.name)
                  .join(", ")})`
              : ""}
            . If a table was taken wrongly, correct it in the Settings table, e.g. Key “Table Gains”, Value “&apos;Savings
            Plan&apos;!A6:X40”.
          </Text>
          <ul className={styles.list} aria-label="Tables found">
            {found.tables.map((t) => (
              <TableItem key={t.table} table={t} onGoToCell={onGoToCell} />
            ))}
          </ul>
          {found.ragKey && (
            <Text as="p" className={styles.note}>
              RAG weighting key {formatCellRef(found.ragKey.sheet, found.ragKey.cell)} ({found.ragKey.text}) used for deliverability.
            </Text>
          )}
          {missing.length > 0 && (
            <ul className={styles.list} aria-label="Tables not found">
              {missing.map((n) => (
                <li key={n.table}>
                  {n.label}: not found
                  {n.nearest
                    ? `; nearest ${formatCellRef(n.nearest.sheet, n.nearest.range)} (${n.nearest.matched} of ${n.nearest.total} columns)${n.nearest.lacks.length > 0 ? `, which has ${n.nearest.lacks.join(" and ")}` : ""}`
                    : ""}
                </li>
              ))}
            </ul>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
