import * as fs from "fs";
import * as path from "path";
import { HMT_2026_03, SHIPPED_SERIES, deflate, formatFinancialYear } from "../../../src/core/calc";

const csvPath = path.join(__dirname, "../../../src/core/deflators/hmt-gdp-deflators-2026-03.csv");

test("the shipped series is the default and matches its CSV, year by year", () => {
  expect(SHIPPED_SERIES[0]).toBe(HMT_2026_03);
  const rows = fs
    .readFileSync(csvPath, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","));
  expect(HMT_2026_03.points.map((p) => [formatFinancialYear(p.startYear), p.index.toFixed(4), String(p.isForecast)])).toEqual(rows);
});

test("the cross-checked values of the March 2026 vintage", () => {
  const byYear = new Map(HMT_2026_03.points.map((p) => [formatFinancialYear(p.startYear), p.index]));
  expect(byYear.get("2008-09")).toBe(66.8397);
  expect(byYear.get("2015-16")).toBe(74.5804);
  expect(byYear.get("2018-19")).toBe(78.7948);
  expect(byYear.get("2019-20")).toBe(80.8738);
  expect(byYear.get("2022-23")).toBe(91.2996);
  expect(byYear.get("2024-25")).toBe(100);
  expect(HMT_2026_03.points.filter((p) => p.isForecast).map((p) => p.startYear)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
  expect(HMT_2026_03.vintage).toBe("March 2026");
});

test("a series object can be passed directly", () => {
  const custom = {
    id: "MINE",
    title: "my index",
    vintage: "today",
    points: [
      { startYear: 2008, index: 2, isForecast: false },
      { startYear: 2009, index: 3, isForecast: false },
    ],
  };
  expect(deflate(10, 2008, 2009, custom)).toEqual({ ok: true, value: 15, usesForecast: false, series: "MINE" });
});
