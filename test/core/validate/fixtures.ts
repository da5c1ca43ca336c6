/**
 * Fixtures for the rule tests. `clean()` is a complete, clean register of five gains from the
 * benchmark generator; its layout is fixed:
 *   Settings  A1 Key/Value; B2 Target rate, B3 method, B4 years, B5 Baseline year, B6 Target year,
 *             B7 Reporting date (31/12/2009), B8 Materiality, B9 Minimum cashable share, B10 Unit
 *   Baseline  rows 2-11: A Line, B Year, C Amount, D Basis, E Price base, F Notes
 *   Gains     rows 2-6 (G1..G5; G5 non-cashable): A ID, B Initiative, C Workstream, D Type, E Category,
 *             F Baseline line, G Budget line, H Evidence, I Gross gain, J Costs, K Net gain,
 *             L Deliverability, M Risk-adjusted gain, N Reinvestment, O Plan reference,
 *             P Service impact, Q Price base, R Owner, S Risk reviewed
 *   Profile   rows 2-6: A ID, B 2008-09, C 2009-10, D 2010-11 (target year), E 2011-12, F 2012-13
 *   Milestones rows 2-6: A ID, B Milestone, C Due, D Status
 *   Reinvestment rows 2-4: A Destination, B Plan reference, C Amount
 *   Quarterly rows 2-13: Q1 2008-09 .. Q4 2010-11 (rows 2-8 ended by the reporting date):
 *             A Quarter, B Trajectory, C Actual, D Budget evidence, E Comparative data, F Milestones, G Risks, H Board date
 *   Comparatives rows 2-4: HQ cost, Output, Unit cost (C Value, F Cost, G Output)
 *   Publication rows 2-3: A Report, B Published, C Reference, D Reward
 */
import { generateRegisterModel } from "../../support/register-generator";
import type { WorkbookModel } from "../../../src/core/workbook/model";
import { f, setCells, type CellInput } from "../../support/model-builder";

export function clean(): WorkbookModel {
  return generateRegisterModel(5);
}

/** The clean model with some cells changed. */
export function cleanWith(cells: Record<string, CellInput>): WorkbookModel {
  return setCells(clean(), cells);
}

/** The clean model without its Excel tables (plain sheets only). */
export function plain(model: WorkbookModel = clean()): WorkbookModel {
  model.tables = [];
  return model;
}

/** Row 2 of Gains set to gross 500, costs 80, net 420, deliverability 0.8, risk-adjusted 320. */
export function knownGain(model: WorkbookModel = clean()): WorkbookModel {
  return setCells(model, {
    "Gains!I2": 500,
    "Gains!J2": 80,
    "Gains!K2": f("VFM.NETGAIN(I2,J2)", 420),
    "Gains!L2": 0.8,
    "Gains!M2": f("VFM.NETGAIN(I2,J2,L2)", 320),
  });
}
