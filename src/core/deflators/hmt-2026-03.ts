import type { DeflatorSeries } from "./types";

/*
 * HM Treasury GDP deflators at market prices, March 2026 vintage (the Quarterly National Accounts
 * release), by financial year (April to March), rebased so that 2024-25 = 100, to four decimal places.
 * Outturn years are the ONS financial-year GDP deflator (series L8GG) as HM Treasury republishes it;
 * the years marked isForecast are HM Treasury projections chained from the Office for Budget
 * Responsibility forecast growth rates in the same release, so a result that uses them is an estimate.
 * HM Treasury revises the whole series every quarter: figures from another vintage will differ slightly.
 * Crown copyright, published under the Open Government Licence.
 *
 * Generated from hmt-gdp-deflators-2026-03.csv (kept beside this file; a test checks they agree).
 */
export const HMT_2026_03: DeflatorSeries = {
  id: "HMT-2026-03",
  title: "HM Treasury GDP deflators, March 2026 (Quarterly National Accounts), 2024-25 = 100",
  vintage: "March 2026",
  points: [
    { startYear: 2000, index: 54.3697, isForecast: false }, // 2000-01
    { startYear: 2001, index: 55.4597, isForecast: false }, // 2001-02
    { startYear: 2002, index: 56.6, isForecast: false }, // 2002-03
    { startYear: 2003, index: 57.9885, isForecast: false }, // 2003-04
    { startYear: 2004, index: 59.7172, isForecast: false }, // 2004-05
    { startYear: 2005, index: 61.3576, isForecast: false }, // 2005-06
    { startYear: 2006, index: 63.2017, isForecast: false }, // 2006-07
    { startYear: 2007, index: 64.438, isForecast: false }, // 2007-08
    { startYear: 2008, index: 66.8397, isForecast: false }, // 2008-09
    { startYear: 2009, index: 67.7042, isForecast: false }, // 2009-10
    { startYear: 2010, index: 68.8561, isForecast: false }, // 2010-11
    { startYear: 2011, index: 70.3261, isForecast: false }, // 2011-12
    { startYear: 2012, index: 71.5454, isForecast: false }, // 2012-13
    { startYear: 2013, index: 73.0337, isForecast: false }, // 2013-14
    { startYear: 2014, index: 74.0662, isForecast: false }, // 2014-15
    { startYear: 2015, index: 74.5804, isForecast: false }, // 2015-16
    { startYear: 2016, index: 76.0754, isForecast: false }, // 2016-17
    { startYear: 2017, index: 77.0388, isForecast: false }, // 2017-18
    { startYear: 2018, index: 78.7948, isForecast: false }, // 2018-19
    { startYear: 2019, index: 80.8738, isForecast: false }, // 2019-20
    { startYear: 2020, index: 85.1002, isForecast: false }, // 2020-21
    { startYear: 2021, index: 85.3036, isForecast: false }, // 2021-22
    { startYear: 2022, index: 91.2996, isForecast: false }, // 2022-23
    { startYear: 2023, index: 96.1117, isForecast: false }, // 2023-24
    { startYear: 2024, index: 100, isForecast: false }, // 2024-25
    { startYear: 2025, index: 103.2388, isForecast: true }, // 2025-26
    { startYear: 2026, index: 105.3095, isForecast: true }, // 2026-27
    { startYear: 2027, index: 107.3546, isForecast: true }, // 2027-28
    { startYear: 2028, index: 109.3571, isForecast: true }, // 2028-29
    { startYear: 2029, index: 111.3959, isForecast: true }, // 2029-30
    { startYear: 2030, index: 113.6416, isForecast: true }, // 2030-31
  ],
};
