import { HMT_2026_03 } from "./hmt-2026-03";
import type { DeflatorSeries } from "./types";

export type { DeflatorPoint, DeflatorSeries } from "./types";
export { HMT_2026_03 } from "./hmt-2026-03";

/** Every series shipped with the product; the first is the default. */
export const SHIPPED_SERIES: readonly DeflatorSeries[] = [HMT_2026_03];
