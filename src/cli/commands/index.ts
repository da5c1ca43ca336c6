/**
 * Every `vfm` command, in the order `vfm --help` lists them. To add one: define it with
 * defineCommand (src/cli/command.ts) in its own file under src/cli/commands/ and add it here.
 */
import type { CliCommand } from "../command";
import { CALC_COMMANDS } from "./calc";
import { COMPARE_COMMAND } from "./compare";
import { CONSOLIDATE_COMMAND } from "./consolidate";
import { INSPECT_COMMAND } from "./inspect";
import { TEMPLATE_COMMAND } from "./template";
import { VALIDATE_COMMAND } from "./validate";

export const COMMANDS: readonly CliCommand[] = [
  ...CALC_COMMANDS,
  VALIDATE_COMMAND,
  INSPECT_COMMAND,
  TEMPLATE_COMMAND,
  COMPARE_COMMAND,
  CONSOLIDATE_COMMAND,
];
