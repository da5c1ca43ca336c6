/**
 * The standalone page: the pane's app with "Open workbook" (file picker and drag-and-drop), the two
 * bundled examples (a clean workbook and a faulty one) by button, and `?example=<name>` to open one
 * straight away. Several files at once (chosen together, dropped together, or a folder with "Open
 * folder") show the roll-up across them instead (BatchView.tsx, its own chunk); Open beside a return
 * shows it in the pane with "Back to roll-up", and the roll-up keeps its rows and its overall target
 * meanwhile (nothing is checked again). Opening another workbook or example ends the roll-up. Files are read in
 * this browser; the only request the page makes is for a bundled example, from its own server.
 */
import * as React from "react";
import { Button, FluentProvider, Link, makeStyles, mergeClasses, tokens, Text, webLightTheme } from "@fluentui/react-components";
import {
  ArrowLeft20Regular,
  ArrowUpload20Regular,
  DocumentCheckmark20Regular,
  DocumentError20Regular,
  FolderOpen20Regular,
} from "@fluentui/react-icons";
import { App } from "../taskpane/components/App";
import { plural } from "../taskpane/format";
import { usePageStyles, usePaneLayoutStyles } from "../taskpane/components/pane/usePaneLayoutStyles.styles";
import type { ReturnFile } from "./batch";
import type { BatchChecked } from "./BatchView";
// Types only: the roll-up and its core load as their own chunk, when several files are opened.
import type { TargetChoice } from "./rollup-target";
import type { WorkbookSource } from "../taskpane/source";
import { createFileSource, createNoFileSource, createNothingToCheckSource, fetchBytes, fileBytes } from "./file-source";

/** The examples the build ships beside the page (dist/examples/<name>.xlsx). */
export const EXAMPLES = [
  { name: "northmoor-police", button: "Try the clean example", about: "a complete police force workbook with no errors" },
  { name: "northmoor-police-seeded", button: "Try the faulty example", about: "the same workbook with one defect per principle" },
] as const;

export type ExampleName = (typeof EXAMPLES)[number]["name"];

/** The clean example: the one `npm start` prints and the README names. */
const EXAMPLE_NAME: ExampleName = "northmoor-police";

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
  return createNothingToCheckSource({
    reason: `There is no example called "${name.slice(0, 80)}" on this page. The examples are ${EXAMPLE_LIST}: choose one of the buttons above, or open your own workbook.`,
  });
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

const BatchView = React.lazy(() => import(/* webpackChunkName: "batch" */ "./BatchView"));

/** A chosen or dropped file as a return of the roll-up: named by its path within a chosen folder. */
function returnFile(file: File): ReturnFile {
  return { name: file.webkitRelativePath || file.name, load: (signal) => fileBytes(file, signal) };
}

/** Workbooks among files taken from a folder (which often holds other papers); files chosen one by one are all kept. */
function workbooksOf(files: readonly File[], fromFolder: boolean): File[] {
  return fromFolder ? files.filter((file) => /\.(xlsx|xlsm)$/i.test(file.name)) : [...files];
}

/** Several files opened at once: the roll-up over them, kept while one of them is open in the pane. */
interface Rollup {
  files: File[];
  returns: ReturnFile[];
  /** The finished run, once there is one. */
  checked: BatchChecked | null;
  /** The overall target applied; undefined: none yet. */
  target: TargetChoice | undefined;
  /** The return open in the pane (the roll-up is hidden meanwhile), else null. */
  opened: number | null;
  /** The return the reviewer came back from: its Open button takes focus. */
  cameBackFrom: number | null;
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
  /** Several files opened at once: the roll-up is shown instead of the pane. */
  const [batch, setBatch] = React.useState<Rollup | null>(null);
  const [folderNote, setFolderNote] = React.useState<string | null>(null);

  const open = React.useCallback((source: WorkbookSource) => {
    setBatch(null);
    setFolderNote(null);
    setState((current) => ({ source, token: current.token + 1 }));
  }, []);

  const openFile = React.useCallback(
    (file: File) => open(createFileSource({ fileName: file.name, load: (signal) => fileBytes(file, signal) })),
    [open],
  );

  /** One file is checked on its own in the pane; several are rolled up. */
  const openFiles = React.useCallback(
    (chosen: readonly File[], fromFolder = false) => {
      const files = workbooksOf(chosen, fromFolder);
      if (files.length === 0) {
        setBatch(null);
        setFolderNote(fromFolder ? `No .xlsx workbook in that folder (${chosen.length} other files).` : null);
        return;
      }
      if (files.length === 1 && !fromFolder) return openFile(files[0]);
      setFolderNote(null);
      setBatch({ files, returns: files.map(returnFile), checked: null, target: undefined, opened: null, cameBackFrom: null });
    },
    [openFile],
  );

  /** One return of the roll-up in the pane; the roll-up is kept for Back to roll-up. */
  const openFromRollup = React.useCallback((rollup: Rollup, index: number) => {
    const file = rollup.files[index];
    const name = rollup.returns[index].name;
    setBatch({ ...rollup, opened: index, cameBackFrom: null });
    setState((current) => ({
      source: createFileSource({ fileName: name, load: (signal) => fileBytes(file, signal) }),
      token: current.token + 1,
    }));
  }, []);
  const backToRollup = React.useCallback(() => setBatch((b) => b && { ...b, opened: null, cameBackFrom: b.opened }), []);

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
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) openFiles(files);
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
  }, [openFiles]);

  const toolbar = (
    <div className={styles.toolbar}>
      <OpenFilesInput
        id="open-workbook"
        label="Open workbook"
        icon={<ArrowUpload20Regular aria-hidden />}
        onFiles={(files) => openFiles(files)}
      />
      <OpenFilesInput
        id="open-folder"
        label="Open folder"
        icon={<FolderOpen20Regular aria-hidden />}
        folder
        onFiles={(files) => openFiles(files, true)}
      />
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
          Drop one workbook to check it, or several to roll them up
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
        per principle (to see what findings and Go to cell look like). Open several returns at once, or a folder of them, to see the roll-up
        across them.
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

  if (batch && batch.opened === null)
    return (
      <BatchShell toolbar={toolbar}>
        <BatchView
          files={batch.returns}
          checked={batch.checked}
          onChecked={(checked) => setBatch((b) => (b && b.returns === batch.returns ? { ...b, checked } : b))}
          target={batch.target}
          onTarget={(target) => setBatch((b) => b && { ...b, target })}
          onOpen={(index) => openFromRollup(batch, index)}
          focusReturn={batch.cameBackFrom}
        />
      </BatchShell>
    );
  return (
    <App
      source={state.source}
      autoCheckToken={state.token}
      toolbar={
        <>
          {batch && (
            <Button icon={<ArrowLeft20Regular />} onClick={backToRollup} data-print="hide">
              Back to roll-up ({plural(batch.returns.length, "return", "returns")})
            </Button>
          )}
          {toolbar}
          {folderNote && <Text role="status">{folderNote}</Text>}
        </>
      }
      intro={intro}
      templateHint={templateHint}
    />
  );
}

/** A file (or folder) chooser drawn as a button: a visually hidden input behind its label, so it keeps the browser's own keyboard and screen-reader behaviour. */
function OpenFilesInput({
  id,
  label,
  icon,
  folder = false,
  onFiles,
}: {
  id: string;
  label: string;
  icon: React.ReactNode;
  folder?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const styles = useStyles();
  return (
    <span className={styles.openWrap}>
      <label htmlFor={id} className={styles.openLabel}>
        {icon}
        {label}
      </label>
      <input
        id={id}
        type="file"
        className={styles.fileInput}
        // A folder: webkitdirectory is not in React's types; Chromium, Firefox and Safari all take it.
        {...(folder
          ? { webkitdirectory: "" }
          : { multiple: true, accept: ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })}
        onChange={(event) => {
          onFiles(Array.from(event.currentTarget.files ?? []));
          // The same file can be chosen again after it is fixed.
          event.currentTarget.value = "";
        }}
      />
    </span>
  );
}

/** The page around the roll-up: the same frame, title and toolbar as the pane. */
function BatchShell({ toolbar, children }: { toolbar: React.ReactNode; children: React.ReactNode }) {
  usePageStyles();
  const layout = usePaneLayoutStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={layout.provider}>
        <main className={layout.main}>
          <header>
            <h1 style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>VfM Checker</h1>
          </header>
          <div data-print="hide">{toolbar}</div>
          <React.Suspense fallback={<Text role="status">Loading the roll-up…</Text>}>{children}</React.Suspense>
        </main>
      </div>
    </FluentProvider>
  );
}
