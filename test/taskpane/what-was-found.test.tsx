/** @jest-environment jsdom */
import "./setup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { WhatWasFound } from "../../src/taskpane/components/WhatWasFound";
import { inspectWorkbook } from "../../src/core/validate/inspect";
import { buildModel, sheet } from "../support/model-builder";

const model = buildModel({
  sheets: [
    sheet("Savings Plan", [
      ["All figures in £'000"],
      ["Ref", "Savings proposal", "C/NC", "Gross saving", "Net saving"],
      ["S1", "Custody", "C", 100, 100],
    ]),
    sheet(
      "Lookups",
      [
        ["G/A/R", "Weighting"],
        ["G", 1],
        ["A", 0.5],
        ["R", 0.25],
      ],
      { visibility: "hidden" },
    ),
  ],
});

test("lists each table found with its range, how it was found and its columns, and what was not found", async () => {
  const found = inspectWorkbook(model, { file: "plan.xlsx", today: "2012-12-31" });
  const goTo: Array<[string, string]> = [];
  render(
    <WhatWasFound
      found={found}
      onGoToCell={(s, c) => {
        goTo.push([s, c]);
        return Promise.resolve({ kind: "selected" });
      }}
    />,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "What the check found" }));
  const tables = screen.getByRole("list", { name: "Tables found" });
  const gains = within(tables).getByText("Gains").closest("li")!;
  expect(gains).toHaveTextContent("Found by its headers");
  expect(within(gains).getByRole("list", { name: "Gains columns" })).toHaveTextContent("C “C/NC”: Type");
  expect(screen.getByText(/hidden ones too \(Lookups\)/)).toBeInTheDocument();
  expect(screen.getByText(/RAG weighting key Lookups!A2:B4 \(G 100%, A 50%, R 25%\)/)).toBeInTheDocument();
  expect(screen.getByRole("list", { name: "Tables not found" })).toHaveTextContent("Baseline: not found");
  await user.click(within(gains).getByRole("button", { name: "'Savings Plan'!A2:E3" }));
  expect(goTo).toEqual([["Savings Plan", "A2:E3"]]);
});

test("a Go to cell that fails says why, in the table's entry", async () => {
  const found = inspectWorkbook(model, { file: "plan.xlsx", today: "2012-12-31" });
  render(<WhatWasFound found={found} onGoToCell={() => Promise.reject(new Error("Excel is busy"))} />);
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "What the check found" }));
  const gains = within(screen.getByRole("list", { name: "Tables found" }))
    .getByText("Gains")
    .closest("li")!;
  await user.click(within(gains).getByRole("button", { name: "'Savings Plan'!A2:E3" }));
  expect(await within(gains).findByRole("alert")).toHaveTextContent("Excel is busy");
});
