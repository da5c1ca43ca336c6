/** The pane's title, and under it what is being checked. */
import { makeStyles, tokens, Text } from "@fluentui/react-components";
import type { WorkbookSource } from "../../source";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subtitle: { color: tokens.colorNeutralForeground2 },
});

export function PaneHeader({ source }: { source: WorkbookSource }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>VfM Checker</h1>
      <Text className={styles.subtitle}>
        {source.kind === "excel" ? "Checks the open workbook against the 9 CSR07 measurement principles." : source.label}
      </Text>
    </header>
  );
}
