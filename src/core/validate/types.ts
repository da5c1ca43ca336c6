/** The validator's output: the JSON shape of findings in docs/spec/workbook.md. */

export const PRINCIPLES = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "method"] as const;
export type PrincipleKey = (typeof PRINCIPLES)[number];

export type Severity = "error" | "warning" | "info";
/**
 * "not-checked": the principle's evidence was not found (its tables not recognised, or found with no
 * records), so it was not checked; never read as a pass. An error finding about something that was
 * found still makes it "fail".
 */
export type PrincipleStatus = "pass" | "warn" | "fail" | "not-checked";

/** Why a principle was not checked. */
export interface PrincipleNotChecked {
  /** The tables looked for that were not found or hold no records, e.g. ["Quarterly"]. */
  tables: string[];
  /** One line, e.g. "No Quarterly table was found on the 5 sheets looked at." */
  reason: string;
}

export interface Finding {
  principle: PrincipleKey;
  /** Rule id, e.g. "iii.net-recomputes". */
  rule: string;
  severity: Severity;
  /** Sheet the finding is on; null for a finding about a whole missing table. */
  sheet: string | null;
  /** A1 address or range on `sheet`; null with a null sheet. */
  cell: string | null;
  /** The rule's message filled in from `data`, e.g. "Gain G3 has no costs figure: ...". */
  message: string;
  /**
   * Which of the rule's messages this is, e.g. "blank" (the rule's page lists them). The engine
   * always sets it and `data`; they are optional so that findings read from older JSON, or built by
   * hand in a test, still type-check.
   */
  messageId?: string;
  /** The values of the message's {{placeholders}}, as text. */
  data?: Readonly<Record<string, string>>;
}

export interface TargetSummary {
  /** VFM.TARGET from the Settings table, in the register's unit. */
  value: number;
  /** Sum of risk-adjusted net gains of cashable, non-service-reduction gains. */
  riskAdjustedCashable: number;
  /** riskAdjustedCashable / value. */
  progress: number;
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
  principles: Record<PrincipleKey, PrincipleStatus>;
  /** Null when the workbook does not hold enough to compute a target. */
  target: TargetSummary | null;
  /**
   * Why, for each principle whose status is "not-checked" (and only those). The engine always sets
   * it; optional so that reports read from older JSON, or built by hand in a test, still type-check.
   */
  notChecked?: Partial<Record<PrincipleKey, PrincipleNotChecked>>;
}

export interface ValidationReport {
  file: string;
  /** ISO date YYYY-MM-DD the check was made against. */
  reportingDate: string;
  summary: ValidationSummary;
  findings: Finding[];
}
