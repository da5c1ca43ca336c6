/** Principle (ix): performance should be public and rewarded. */
import { cellDateProblem } from "../dates";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleFinding } from "../rule";
import { quote } from "../text";
import { readPublications } from "../recognise/publication";

const WHY = `CSR07 principle (ix): "${PRINCIPLE_TITLES.ix}."`;

export const publicationRecord = defineRule({
  id: "ix.publication-record",
  principle: "ix",
  severity: "warning",
  title: "Performance is published, with a date",
  checks:
    'A Publication table is found (or, without one, notes that say where the figures were published: "Published in the Annual Report 2011-12 on 12/07/2012."), records at least one publication, and each publication has a readable date (in Published, or written in the note).',
  why: `${WHY} Gains are reported publicly (annual report, autumn performance report, council tax leaflet) so that the public can hold the organisation to them.`,
  fix: "In the Publication table, record each report in which the gains were published (annual report, autumn performance report, council tax leaflet) with the date it was published and a reference or link. If the workbook has no Publication table, add one.",
  example: {
    failing: 'Publication: Report "Annual report 2008-09", Published blank.',
    passing: 'Publication: Report "Annual report 2008-09", Published 30/06/2009, Reference www.example.police.uk/annual-report.',
  },
  messages: {
    none: "The Publication table records no publication.",
    noDate: "{{publication}} has no date published.",
    unreadableDate: "{{publication}}'s date {{text}} cannot be read as a date.",
  },
  check(ctx) {
    const table = ctx.table("publication");
    if (!table) return [ctx.missingTable("publication", "principle (ix) asks for a record of where performance was published")];
    if (table.rows.length === 0) return [ctx.atTable(table, "none")];
    if (ctx.requireColumn(table, "published", "each publication needs its date") === undefined) return [];
    const out: RuleFinding[] = [];
    // One publication per data row, in the table's row order, so each has the row record of its index.
    const rows = ctx.records("publication");
    for (const [i, record] of readPublications(table, ctx.model.date1904).entries()) {
      if (record.date !== null) continue;
      // A date no calendar has is method.impossible-date's finding, not a second one here.
      if (cellDateProblem(ctx.cell(rows[i], "published"), ctx.model.date1904)) continue;
      const name = record.report ? `The publication ${quote(record.report)}` : "This publication";
      // A note that is its own record ("Published in the Annual Report.") simply gives no date.
      out.push(
        record.dateText === "" || record.dateText === record.report
          ? ctx.at(record.sheet, record.row, record.col, "noDate", { publication: name })
          : ctx.at(record.sheet, record.row, record.col, "unreadableDate", { publication: name, text: quote(record.dateText) }),
      );
    }
    return out;
  },
});

export const recognition = defineRule({
  id: "ix.recognition",
  principle: "ix",
  severity: "info",
  title: "Recognition or reward is recorded",
  checks: "At least one row of the Publication table records a Reward or recognition.",
  why: `${WHY} Recording how good performance was recognised or rewarded completes the principle; its absence does not make the claim wrong.`,
  fix: "Where staff or teams were recognised or rewarded for the gains, note it in the Reward column of the Publication table.",
  example: {
    failing: "No Reward entry in the Publication table.",
    passing: 'Reward "Chief Constable\'s commendation for the custody team".',
  },
  messages: {
    noTable: "No recognition or reward for the gains is recorded. Add a Publication table with a Reward column.",
    noColumn: "No recognition or reward for the gains is recorded. Add a Reward column to the Publication table.",
    none: "No recognition or reward for the gains is recorded.",
  },
  check(ctx) {
    const table = ctx.table("publication");
    if (!table || table.source === "notes") return [ctx.inWorkbook("noTable")];
    if (!table.columns.has("reward")) return [ctx.atTable(table, "noColumn")];
    if (ctx.records("publication").some((row) => ctx.text(row, "reward") !== "")) return [];
    return [ctx.atTable(table, "none")];
  },
});

export const RULES_IX: readonly Rule[] = [publicationRecord, recognition];
