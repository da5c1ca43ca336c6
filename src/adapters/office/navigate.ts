/**
 * "Go to cell": activates the finding's sheet and selects its range, which makes Excel scroll it
 * into view. Two round trips: one to check the sheet exists and can be shown, one to select.
 */
import { a1Range, parseA1Range } from "../../core/workbook/model";
import { describeOfficeError } from "./errors";

export type SelectResult = { ok: true } | { ok: false; reason: string };

export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<SelectResult> {
  const rect = parseA1Range(address);
  if (!rect) return { ok: false, reason: `"${address}" is not a cell address Excel recognises.` };
  try {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet).load("name,visibility");
    await context.sync();
    if (worksheet.isNullObject) {
      return {
        ok: false,
        reason: `There is no sheet called "${sheet}" in this workbook any more. It may have been renamed or deleted since the check; check the workbook again.`,
      };
    }
    if (worksheet.visibility === "VeryHidden") {
      return {
        ok: false,
        reason: `The sheet "${worksheet.name}" is very hidden (hidden by a macro or the Visual Basic editor), so Excel cannot show ${address}. Ask whoever built the workbook to make it visible.`,
      };
    }
    if (worksheet.visibility !== "Visible") {
      return {
        ok: false,
        reason: `The sheet "${worksheet.name}" is hidden, so Excel cannot show ${address}. Unhide it (right-click a sheet tab, then Unhide) and try again.`,
      };
    }
    worksheet.activate();
    worksheet.getRange(a1Range(rect)).select();
    await context.sync();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `Excel could not go to ${address} on "${sheet}": ${describeOfficeError(error)}.` };
  }
}
