/** Every rule, in principle order (the order the docs list them). */
import type { Rule } from "../rule";
import { RULES_I } from "./i-baseline";
import { RULES_II } from "./ii-cashable";
import { RULES_III } from "./iii-net-of-cost";
import { RULES_IV } from "./iv-profiles";
import { RULES_V } from "./v-reinvestment";
import { RULES_VI } from "./vi-quarterly";
import { RULES_VII } from "./vii-comparative";
import { RULES_VIII } from "./viii-risk";
import { RULES_IX } from "./ix-public";
import { RULES_METHOD } from "./method";
import { RULES_MEASURABLE } from "./measurable";
import { RULES_ON_TRACK } from "./on-track";

export const RULES: readonly Rule[] = [
  ...RULES_I,
  ...RULES_II,
  ...RULES_III,
  ...RULES_IV,
  ...RULES_V,
  ...RULES_VI,
  ...RULES_VII,
  ...RULES_VIII,
  ...RULES_IX,
  ...RULES_METHOD,
  ...RULES_MEASURABLE,
  ...RULES_ON_TRACK,
];
