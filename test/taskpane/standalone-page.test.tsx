/** @jest-environment jsdom */
/** The standalone page's first use (#11): both examples by button and address, Check workbook disabled until there is a workbook, file:// explained. */
import "./setup";
import { render, screen } from "@testing-library/react";
import { EXAMPLES, StandalonePage, exampleFromQuery } from "../../src/standalone/StandalonePage";
import { NO_FILE_YET, SERVE_THE_PAGE, fetchBytes } from "../../src/standalone/file-source";

jest.mock("../../src/taskpane/components/TrajectoryChart", () => ({ __esModule: true, default: () => null }));

describe("the standalone page before a workbook is opened", () => {
  test("offers the clean and the faulty example", () => {
    render(<StandalonePage initialExample={null} />);
    expect(screen.getByRole("button", { name: "Try the clean example" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try the faulty example" })).toBeInTheDocument();
    expect(EXAMPLES.map((example) => example.name)).toEqual(["northmoor-police", "northmoor-police-seeded"]);
  });

  test("Check workbook is disabled, and says why", () => {
    render(<StandalonePage initialExample={null} />);
    const check = screen.getByRole("button", { name: "Check workbook" });
    expect(check).toBeDisabled();
    expect(check).toHaveAccessibleDescription(NO_FILE_YET);
    expect(screen.getByTestId("check-unavailable")).toHaveTextContent("Open a workbook first");
  });

  test("an address naming no example says which examples there are, instead of an empty page", async () => {
    render(<StandalonePage initialExample={exampleFromQuery("?example=northmoor-polise")} />);
    // The pane's check runs after the first render: on a loaded machine that takes more than findBy's 1 s.
    const notice = await screen.findByTestId("notice", {}, { timeout: 10_000 });
    expect(notice).toHaveTextContent('This workbook could not be checked There is no example called "northmoor-polise"');
    expect(notice).toHaveTextContent("northmoor-police-seeded");
  });
});

describe("the example in the address", () => {
  test("names either example, with or without .xlsx", () => {
    expect(exampleFromQuery("?example=northmoor-police")).toEqual({ kind: "example", name: "northmoor-police" });
    expect(exampleFromQuery("?example=northmoor-police-seeded")).toEqual({ kind: "example", name: "northmoor-police-seeded" });
    expect(exampleFromQuery("?example=northmoor-police-seeded.xlsx")).toEqual({ kind: "example", name: "northmoor-police-seeded" });
    expect(exampleFromQuery("?example=../secret")).toEqual({ kind: "unknown", name: "../secret" });
    expect(exampleFromQuery("")).toBeNull();
  });
});

describe("loading an example", () => {
  test("from a page opened on disk (file://), explains how to serve it instead of 'Failed to fetch'", async () => {
    await expect(
      fetchBytes("./examples/northmoor-police.xlsx", new AbortController().signal, "file:///home/me/vfm/dist/index.html"),
    ).rejects.toThrow(SERVE_THE_PAGE);
    expect(SERVE_THE_PAGE).toMatch(/npm start/);
  });

  test("a server that went away is said in words", async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    try {
      await expect(fetchBytes("./examples/x.xlsx", new AbortController().signal, "http://localhost:3000/index.html")).rejects.toThrow(
        /did not answer/,
      );
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
