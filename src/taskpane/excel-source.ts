/**
 * The pane's workbook source inside Excel. Every operation loads its Office code on first use (a
 * separate chunk), so the pane's first download holds only the interface.
 */
import type { WorkbookSource } from "./source";

const operations = () => import(/* webpackChunkName: "excel-operations" */ "./excel-operations");

export function createExcelSource(): WorkbookSource {
  return {
    kind: "excel",
    label: "The open workbook",
    check: async (request) => (await operations()).checkOpenWorkbook(request),
    goToCell: async (sheet, address) => (await operations()).goToCell(sheet, address),
    createTemplate: async () => (await operations()).createTemplate(),
    writeReport: async (report, catalogue) => (await operations()).writeFindingsReport(report, catalogue),
    writeChanges: async (comparison) => (await operations()).writeChangesSheet(comparison),
    saveSettings: async (settings) => (await operations()).saveSettings(settings),
  };
}
