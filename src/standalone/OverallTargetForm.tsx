/**
 * The roll-up's overall target (rollup-target.ts): none, an amount, or a rate a year on a baseline
 * (with the years and the method), as `vfm consolidate` takes them. Applied with Apply (or Enter), so
 * the figures do not jump while the reviewer types; a problem is shown at the field it is in.
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, tokens } from "@fluentui/react-components";
import type { TargetMethod } from "../core/calc";
import type { RollUp, TargetChoice, TargetMode } from "./rollup-target";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  fields: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-start" },
  field: { minWidth: "10rem", maxWidth: "16rem" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface OverallTargetFormProps {
  /** The target applied now (the form starts from it). */
  applied: TargetChoice;
  /** The applied target's problem, if it has one. */
  problem: RollUp["problem"];
  onApply: (choice: TargetChoice) => void;
}

export function OverallTargetForm({ applied, problem, onApply }: OverallTargetFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<TargetChoice>(applied);
  const set = (part: keyof TargetChoice) => (_: unknown, data: { value: string }) => setDraft((d) => ({ ...d, [part]: data.value }));
  // A problem belongs to the fields it was found in only while they still hold what was applied.
  const shown = problem && draft.mode === applied.mode ? problem : null;
  const at = (part: "amount" | "rate" | "baseline" | "years") => (shown?.part === part ? shown.message : undefined);

  return (
    <form
      className={styles.form}
      aria-labelledby="overall-target-heading"
      data-testid="overall-target-form"
      data-print="hide"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <h3 id="overall-target-heading" className={styles.heading}>
        Overall target
      </h3>
      <RadioGroup
        layout="horizontal"
        aria-label="State the overall target as"
        value={draft.mode}
        onChange={(_, data) => setDraft((d) => ({ ...d, mode: data.value as TargetMode }))}
      >
        <Radio value="none" label="None (the returns' own targets added up)" />
        <Radio value="amount" label="An amount" />
        <Radio value="rate" label="A rate a year on a baseline" />
      </RadioGroup>
      {draft.mode === "amount" && (
        <div className={styles.fields}>
          <Field
            className={styles.field}
            label="Overall target (£)"
            hint="e.g. 1.17bn, 378m or 12,600,000,000"
            validationMessage={at("amount")}
          >
            <Input value={draft.amount} onChange={set("amount")} />
          </Field>
        </div>
      )}
      {draft.mode === "rate" && (
        <div className={styles.fields}>
          <Field className={styles.field} label="Rate a year" hint="e.g. 3% or 0.03" validationMessage={at("rate")}>
            <Input value={draft.rate} onChange={set("rate")} />
          </Field>
          <Field
            className={styles.field}
            label="Baseline (£)"
            hint="e.g. 12.6bn, the police service's GRE"
            validationMessage={at("baseline")}
          >
            <Input value={draft.baseline} onChange={set("baseline")} />
          </Field>
          <Field className={styles.field} label="Years" hint="Blank: the returns' own period, else 3" validationMessage={at("years")}>
            <Input value={draft.years} onChange={set("years")} inputMode="numeric" />
          </Field>
          <Field className={styles.field} label="Method" hint="How the rate adds up over the years">
            <Select value={draft.method} onChange={(_, data) => setDraft((d) => ({ ...d, method: data.value as TargetMethod }))}>
              <option value="compound">compound (as CSR07)</option>
              <option value="simple">simple</option>
            </Select>
          </Field>
        </div>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary">
          Apply
        </Button>
        {shown && (shown.part === null || shown.part === "method") && (
          <Text role="alert" data-testid="overall-target-problem">
            {shown.message}
          </Text>
        )}
      </div>
    </form>
  );
}
