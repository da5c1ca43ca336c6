/** Check workbook, and Cancel while a check runs. With nothing to check, the button is disabled and says why. */
import { Button, makeStyles, tokens, Text } from "@fluentui/react-components";
import { DocumentTable20Regular } from "@fluentui/react-icons";
import { usePaneLayoutStyles } from "./usePaneLayoutStyles.styles";

const useStyles = makeStyles({
  reason: { color: tokens.colorNeutralForeground2, flexBasis: "100%" },
});

export interface CheckControlsProps {
  busy: boolean;
  running: boolean;
  /** Why there is nothing to check yet; the button is disabled while this is set. */
  unavailable?: string;
  onCheck: () => void;
  onCancel: () => void;
}

export function CheckControls({ busy, running, unavailable, onCheck, onCancel }: CheckControlsProps) {
  const layout = usePaneLayoutStyles();
  const styles = useStyles();
  return (
    <div className={layout.controls} data-print="hide">
      <Button
        appearance="primary"
        icon={<DocumentTable20Regular />}
        onClick={onCheck}
        disabled={busy || unavailable !== undefined}
        aria-describedby={unavailable !== undefined ? "vfm-check-unavailable" : undefined}
      >
        Check workbook
      </Button>
      {running && (
        <Button appearance="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
      {unavailable !== undefined && (
        <Text id="vfm-check-unavailable" size={200} className={styles.reason} data-testid="check-unavailable">
          {unavailable}
        </Text>
      )}
    </div>
  );
}
