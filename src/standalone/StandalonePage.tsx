/**
 * The standalone page: the pane's app with "Open workbook" (file picker and drag-and-drop), the two
 * bundled examples (a clean workbook and a faulty one) by button, and `?example=<name>` to open one
 * straight away. Files are read in this browser; the only request the page makes is for a bundled
 * example, from its own server.
 */
import * as React from "react";
import { Button, Link, makeStyles, mergeClasses, tokens, Text } from "@fluentui/react-components";
import { ArrowUpload20Regular, DocumentCheckmark20Regular, DocumentError20Regular } from "@fluentui/react-icons";
import { App } from "../taskpane/components/App";
import type { WorkbookSource } from "../taskpane/source";
import { createFileSource, createNoFileSource, fetchBytes, fileBytes } from "./file-source";

/** The examples the build ships beside the page (dist/examples/<name>.xlsx). */
export const EXAMPLES = [
  { name: "northmoor-police", button: "Try the clean example", about: "a complete police force workbook with no errors" },
  { name: "northmoor-police-seeded", button: "Try the faulty example", about: "the same workbook with one defect per principle" },
] as const;

export type ExampleName = (typeof EXAMPLES)[number]["name"];

/** The clean example: the one `npm start` prints and the README names. */
export const EXAMPLE_NAME: ExampleName = "northmoor-police";

const EXAMPLE_LIST = EXAMPLES.map((example) => `${example.name} (${example.about})`).join(" and ");

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  fileInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    opacity: 0,
    overflow: "hidden",
  },
  openLabel: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  openWrap: {
    position: "relative",
    display: "inline-flex",
    borderRadius: tokens.borderRadiusMedium,
    ":focus-within": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  intro: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  introHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  introText: { margin: 0 },
  dropping: {
    position: "fixed",
    inset: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(255, 255, 255, 0.9)",
    border: `4px dashed ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    zIndex: 10,
    pointerEvents: "none",
  },
  privacy: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * What `?example=` asks for: one of the examples this page ships, another name (said so, rather
 * than an empty page), or nothing.
 */
export function exampleFromQuery(search: string): { kind: "example"; name: ExampleName } | { kind: "unknown"; name: string } | null {
  const name = new URLSearchParams(search).get("example");
  if (name === null) return null;
  const known = EXAMPLES.find((example) => example.name === name.trim().replace(/\.xlsx$/i, ""));
  return known ? { kind: "example", name: known.name } : { kind: "unknown", name };
}

/** The source for an address naming no example this page has: checking it says which there are. */
function unknownExampleSource(name: string): WorkbookSource {
  const reason = `There is no example called "${name.slice(0, 80)}" on this page. The examples are ${EXAMPLE_LIST}: choose one of the buttons above, or open your own workbook.`;
  return {
    kind: "file",
    label: "No workbook open yet",
    check: async () => ({ status: "refused", reason }),
    goToCell: async () => ({ kind: "failed", reason }),
  };
}

export function exampleUrl(name: string): string {
  return `./examples/${name}.xlsx`;
}

/** `prefetched`: the example's bytes already on their way (the page asked for them at start-up); used once. */
function exampleSource(name: string, prefetched?: Promise<Uint8Array>): WorkbookSource {
  let early = prefetched;
  return createFileSource({
    fileName: `${name}.xlsx`,
    load: (signal) => {
      const bytes = early ?? fetchBytes(exampleUrl(name), signal);
      early = undefined;
      return bytes;
    },
  });
}

export interface StandalonePageProps {
  /** The example named in the address, opened at once. */
  initialExample: ReturnType<typeof exampleFromQuery>;
  /** Its bytes, when the page started fetching them before the first render. */
  initialExampleBytes?: Promise<Uint8Array>;
}

export function StandalonePage({ initialExample, initialExampleBytes }: StandalonePageProps) {
  const styles = useStyles();
  const [state, setState] = React.useState<{ source: WorkbookSource; token: number }>(() => {
    if (initialExample?.kind === "example") return { source: exampleSource(initialExample.name, initialExampleBytes), token: 1 };
    if (initialExample?.kind === "unknown") return { source: unknownExampleSource(initialExample.name), token: 1 };
    return { source: createNoFileSource(), token: 0 };
  });
  const [dragging, setDragging] = React.useState(false);
  const inputRef = React.useRef<HTMLInputElement>(null);

  const open = React.useCallback((source: WorkbookSource) => {
    setState((current) => ({ source, token: current.token + 1 }));
  }, []);

  const openFile = React.useCallback(
    (file: File) => open(createFileSource({ fileName: file.name, load: (signal) => fileBytes(file, signal) })),
    [open],
  );

  // The whole page is a drop target; dropping anything but a file does nothing.
  React.useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes("Files");
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) openFile(file);
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragover", onOver);
    window.addEventListener("dragleave", onLeave);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("dragleave", onLeave);
      window.removeEventListener("drop", onDrop);
    };
  }, [openFile]);

  const toolbar = (
    <div className={styles.toolbar}>
      <span className={styles.openWrap}>
        <label htmlFor="open-workbook" className={styles.openLabel}>
          <ArrowUpload20Regular aria-hidden />
          Open workbook
        </label>
        <input
          ref={inputRef}
          id="open-workbook"
          type="file"
          className={styles.fileInput}
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) openFile(file);
            // The same file can be chosen again after it is fixed.
            event.currentTarget.value = "";
          }}
        />
      </span>
      {EXAMPLES.map((example, index) => (
        <Button
          key={example.name}
          icon={index === 0 ? <DocumentCheckmark20Regular /> : <DocumentError20Regular />}
          title={`Opens ${example.name}.xlsx: ${example.about}`}
          onClick={() => open(exampleSource(example.name))}
        >
          {example.button}
        </Button>
      ))}
      {dragging && (
        <div className={styles.dropping} aria-hidden>
          Drop the workbook to check it
        </div>
      )}
    </div>
  );

  const intro = (
    <section className={styles.intro} aria-labelledby="intro-heading">
      <h2 id="intro-heading" className={styles.introHeading}>
        Check a value-for-money workbook
      </h2>
      <p className={styles.introText}>
        Open an Excel workbook (.xlsx), or drop one anywhere on this page, to check its efficiency gains against the 9 measurement
        principles of the CSR07 Value for Money Delivery Agreement. Or try an example: a police force's workbook, clean or with one defect
        per principle (to see what findings and Go to cell look like).
      </p>
      <p className={mergeClasses(styles.introText, styles.privacy)}>
        Your workbook is read in this browser. It is not uploaded: nothing leaves your computer.
      </p>
    </section>
  );

  const templateHint = (
    <Text>
      To get a blank VfM workbook, use Create VfM workbook in the Excel add-in, or run <code>vfm template</code> on the command line. The{" "}
      <Link href={`?example=${EXAMPLE_NAME}`}>clean example workbook</Link> shows a complete one.
    </Text>
  );

  return <App source={state.source} autoCheckToken={state.token} toolbar={toolbar} intro={intro} templateHint={templateHint} />;
}
