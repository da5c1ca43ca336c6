import { tokens } from "@fluentui/react-components";

/** The bordered card every pane section sits in (summary, target, tools), so they line up. */
export const panelStyle = {
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalS,
  padding: tokens.spacingHorizontalM,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  backgroundColor: tokens.colorNeutralBackground1,
} as const;

/** A section heading inside a panel. */
export const panelHeadingStyle = { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 } as const;
