/** The progress bar of a running check, and the phase in words for screen readers. */
import { makeStyles, ProgressBar, tokens, Text } from "@fluentui/react-components";
import type { CheckProgress } from "../../source";
import { formatPercent } from "../../format";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

function progressText(progress: CheckProgress | null): string {
  if (!progress || progress.phase === "reading") {
    const share = progress && progress.fraction !== null ? ` ${formatPercent(progress.fraction)}` : "";
    return `Reading the workbook…${share}`;
  }
  return "Checking against the 9 principles…";
}

export function CheckProgressView({ progress }: { progress: CheckProgress | null }) {
  const styles = useStyles();
  return (
    <div className={styles.progress} data-testid="check-progress">
      <ProgressBar
        value={progress?.fraction ?? undefined}
        max={1}
        thickness="large"
        aria-label={progressText(progress)}
        aria-valuetext={progressText(progress)}
      />
      {/* Only the phase is announced; the percentage would be read out at every step. */}
      <Text>
        <span role="status">{progress?.phase === "checking" ? progressText(progress) : "Reading the workbook…"}</span>
        {progress?.phase !== "checking" && progress?.fraction != null && ` ${formatPercent(progress.fraction)}`}
      </Text>
    </div>
  );
}
