/** @jest-environment jsdom */
// Issue #11: the pane shows a rule message's amounts with £ and the register's unit, from a real check.
import "./setup";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App";
import { fakeSource } from "./fake-source";
import { checkModel } from "../../src/taskpane/check-model";
import { setCells } from "../support/model-builder";
import { generateRegisterModel } from "../support/register-generator";

jest.mock("../../src/taskpane/components/TrajectoryChart", () => ({
  __esModule: true,
  default: () => <div data-testid="chart">chart</div>,
}));

test("a finding's amounts read £…k in the pane for a register in £k", async () => {
  const model = setCells(generateRegisterModel(5), { "Settings!B10": "£k", "Reinvestment!C2": 1 });
  const user = userEvent.setup();
  render(<App source={fakeSource({ outcome: { status: "done", result: checkModel(model, { file: "force.xlsx" }) } })} />);
  await user.click(screen.getByRole("button", { name: "Check workbook" }));
  await screen.findByTestId("summary");
  expect(
    await screen.findByText(
      "The re-investment plan accounts for £1,937,698.80k but cashable net gains total £4,844,244.50k: £2,906,545.70k is not accounted for.",
    ),
  ).toBeInTheDocument();
});
