/** Check workbook, and Cancel while a check runs. */
import { Button } from "@fluentui/react-components";
import { DocumentTable20Regular } from "@fluentui/react-icons";
import { usePaneLayoutStyles } from "./usePaneLayoutStyles.styles";

export interface CheckControlsProps {
  busy: boolean;
  running: boolean;
  onCheck: () => void;
  onCancel: () => void;
}

export function CheckControls({ busy, running, onCheck, onCancel }: CheckControlsProps) {
  const styles = usePaneLayoutStyles();
  return (
    <div className={styles.controls}>
      <Button appearance="primary" icon={<DocumentTable20Regular />} onClick={onCheck} disabled={busy}>
        Check workbook
      </Button>
      {running && (
        <Button appearance="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </div>
  );
}
