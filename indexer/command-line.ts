import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./user-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * A command's arguments, read strictly: a mistyped option ("--forse") is refused with the
 * command's usage rather than ignored, so a run never silently does something else.
 * `--help` or `-h` prints the usage and exits 0.
 */
export function readCommandLine<O extends Options>(usage: string, options: O, positionals = false) {
  const args = process.argv.slice(2);
  // Asking for help is never a mistake, whatever else is on the line; after "--" every argument is a word, not an option.
  const end = args.indexOf("--");
  if (args.slice(0, end === -1 ? undefined : end).some((arg) => arg === "--help" || arg === "-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    // Node's own message names the option or argument; the first sentence is enough. Its hint
    // on words that start with "-" ('-- "-w"') forgets that npm takes the first "--" for itself:
    // a command that takes words says in its usage how to pass them.
    throw new UsageError(`${(error as Error).message.split(". ")[0].replace(/\.$/, "")}. ${usage}`);
  }
}

/**
 * The number a plain decimal spells ("8080", " 0.3 "), else NaN: Number() would also take
 * "1e3", "0x50", "Infinity" and "", and so quietly run with a number nobody typed.
 */
export function plainDecimal(text: string): number {
  return /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
}
