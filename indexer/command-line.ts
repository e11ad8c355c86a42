import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./user-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * A command's arguments, read strictly: a mistyped option ("--forse") is refused with the
 * command's usage rather than ignored, so a run never silently does something else.
 */
export function readCommandLine<O extends Options>(usage: string, options: O, positionals = false) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: positionals, strict: true });
  } catch (error) {
    // Node's own message names the option or argument; the first sentence is enough.
    throw new UsageError(`${(error as Error).message.split(". ")[0].replace(/\.$/, "")}. ${usage}`);
  }
}
