/** The cells around a finding, shown where the page cannot select them in Excel (the standalone page). */
import * as React from "react";
import { Button, makeStyles, tokens, Text } from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import type { CellPreview } from "../source";
import { visuallyHidden } from "./visually-hidden";

const useStyles = makeStyles({
  region: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  headerCell: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "center",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
    maxWidth: "14em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  target: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface CellViewProps {
  preview: CellPreview;
  onClose: () => void;
}

export const CellView = React.forwardRef<HTMLDivElement, CellViewProps>(function CellView({ preview, onClose }, ref) {
  const styles = useStyles();
  const title = `${preview.sheet}!${preview.address}`;
  return (
    <div ref={ref} tabIndex={-1} role="region" aria-label={`Cell view: ${title}`} className={styles.region} data-testid="cell-view">
      <div className={styles.header}>
        <p className={styles.title}>{title}</p>
        <Button
          size="small"
          appearance="subtle"
          icon={<Dismiss16Regular />}
          onClick={onClose}
          aria-label={`Close the cell view of ${title}`}
        >
          Close
        </Button>
      </div>
      {preview.rows.length > 0 && (
        <div className={styles.scroller}>
          <table className={styles.table}>
            <caption className={styles.note} style={{ textAlign: "left" }}>
              {`Sheet ${preview.sheet}, cells around ${preview.address} (highlighted)`}
            </caption>
            <thead>
              <tr>
                <td className={styles.headerCell} />
                {preview.columns.map((column) => (
                  <th key={column} scope="col" className={styles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                <tr key={row}>
                  <th scope="row" className={styles.headerCell}>
                    {row}
                  </th>
                  {preview.values[r].map((text, c) => {
                    const marked = preview.highlighted[r][c];
                    return (
                      <td
                        key={preview.columns[c]}
                        className={marked ? `${styles.cell} ${styles.target}` : styles.cell}
                        data-target={marked ? "true" : undefined}
                        title={text || undefined}
                      >
                        {text}
                        {marked && <span style={visuallyHidden}> (this cell)</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.note && <Text className={styles.note}>{preview.note}</Text>}
    </div>
  );
});
