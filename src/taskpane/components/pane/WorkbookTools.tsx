/** Create VfM workbook and Write report, where the source can write (Excel). */
import { Button, makeStyles, tokens, Text } from "@fluentui/react-components";
import { DocumentText20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import { panelHeadingStyle, panelStyle } from "../layout";
import { usePaneLayoutStyles } from "./usePaneLayoutStyles.styles";

const useStyles = makeStyles({
  tools: { ...panelStyle },
  heading: panelHeadingStyle,
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface WorkbookToolsProps {
  busy: boolean;
  onCreateTemplate?: () => void;
  /** Shown (disabled until there are results) where the source can write a report. */
  canWriteReport: boolean;
  onWriteReport?: () => void;
}

export function WorkbookTools({ busy, onCreateTemplate, canWriteReport, onWriteReport }: WorkbookToolsProps) {
  const styles = useStyles();
  const layout = usePaneLayoutStyles();
  return (
    <section className={styles.tools} aria-labelledby="vfm-tools-heading" data-print="hide">
      <h2 id="vfm-tools-heading" className={styles.heading}>
        Workbook tools
      </h2>
      <div className={layout.controls}>
        {onCreateTemplate && (
          <Button icon={<TableAdd20Regular />} onClick={onCreateTemplate} disabled={busy}>
            Create VfM workbook
          </Button>
        )}
        {canWriteReport && (
          <Button icon={<DocumentText20Regular />} onClick={onWriteReport} disabled={busy || !onWriteReport}>
            Write report
          </Button>
        )}
      </div>
      <Text className={styles.muted} size={200}>
        Create VfM workbook adds the template's sheets and never changes a sheet you already have. Write report adds a new sheet with the
        findings of the last check.
      </Text>
    </section>
  );
}
