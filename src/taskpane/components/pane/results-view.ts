/**
 * The results view is a separate chunk, fetched while the workbook is read, so the pane's first
 * download stays small. It is loaded before the results are shown (not with React.lazy), so showing
 * them never waits on a Suspense reveal.
 */
type ResultsModule = typeof import("../Results");

let resultsModule: ResultsModule | null = null;

/** The results view's module, or null when its chunk failed to load. */
export function loadResultsView(): Promise<ResultsModule | null> {
  if (resultsModule) return Promise.resolve(resultsModule);
  return import(/* webpackChunkName: "results" */ "../Results").then(
    (loaded) => (resultsModule = loaded),
    () => null,
  );
}

/** Starts fetching the results view early, for a page that will show results at once. */
export function preloadResultsView(): void {
  void loadResultsView();
}

/** The results view once loaded (a check loads it before it ends), else null. */
export function loadedResultsView(): ResultsModule | null {
  return resultsModule;
}
