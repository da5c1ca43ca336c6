/** Reporting date, tolerance, RAG mapping and minimum cashable share: kept with the workbook in Excel. */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
  Text,
} from "@fluentui/react-components";
import type { SettingsChoice, SourceKind } from "../source";
import { parseSettingsForm, settingsToForm } from "../settings-form";
import type { SettingsForm, SettingsFormErrors } from "../settings-form";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  heading: { margin: 0 },
});

export interface SettingsPanelProps {
  kind: SourceKind;
  /** The settings as the last check found them. */
  current: SettingsChoice;
  busy: boolean;
  onApply: (choice: SettingsChoice) => void;
}

export function SettingsPanel({ kind, current, busy, onApply }: SettingsPanelProps) {
  const styles = useStyles();
  const [form, setForm] = React.useState<SettingsForm>(() => settingsToForm(current));
  const [errors, setErrors] = React.useState<SettingsFormErrors>({});
  React.useEffect(() => {
    setForm(settingsToForm(current));
    setErrors({});
  }, [current]);

  const field = (name: keyof SettingsForm) => ({
    value: form[name],
    onChange: (_: unknown, data: { value: string }) => setForm((f) => ({ ...f, [name]: data.value })),
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = parseSettingsForm(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    onApply(parsed.choice);
  };

  return (
    <Accordion collapsible data-print="hide">
      <AccordionItem value="settings">
        <AccordionHeader as="h2" className={styles.heading}>
          Settings
        </AccordionHeader>
        <AccordionPanel>
          <form className={styles.panel} onSubmit={submit} noValidate aria-label="Settings">
            <Text className={styles.note}>
              {kind === "excel"
                ? "Saved in the workbook's Settings table, so the next person who checks it uses the same settings."
                : "These apply to the checks you run on this page only: the file on your computer is not changed. To keep them, put them in the workbook's Settings table."}
            </Text>
            <Field label="Reporting date" hint="Quarters ending by this date must be reported." validationMessage={errors.reportingDate}>
              <Input type="date" {...field("reportingDate")} />
            </Field>
            <Field label="Tolerance for money comparisons" hint="In pounds: 0.005 is half a penny." validationMessage={errors.tolerance}>
              <Input inputMode="decimal" {...field("tolerance")} />
            </Field>
            <Field
              label="RAG mapping"
              hint="Fraction of a gain counted for each rating, e.g. Green 1, Amber 0.5, Red 0."
              validationMessage={errors.ragMapping}
            >
              <Input {...field("ragMapping")} />
            </Field>
            <Field
              label="Minimum cashable share (%)"
              hint="SR2004 asked for at least 50% of gains to be cashable."
              validationMessage={errors.minimumCashableShare}
            >
              <Input inputMode="decimal" contentAfter="%" {...field("minimumCashableShare")} />
            </Field>
            <Button type="submit" appearance="primary" disabled={busy}>
              {kind === "excel" ? "Save to the workbook and check again" : "Apply and check again"}
            </Button>
          </form>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
