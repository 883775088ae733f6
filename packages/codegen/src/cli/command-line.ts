import yargs, { type Options } from 'yargs';
import { closest } from '../plan/problems.js';
import { CONFIG_FILE, DEFAULT_CONFIG } from './config.js';

/**
 * What a command line asks for. A path flag left out is undefined, for
 * `codegen.config.json` or the default to fill.
 */
export type CliRequest =
  | { command: 'generate'; plan: string | undefined; out: string | undefined; watch: boolean }
  | { command: 'check'; plan: string | undefined; out: string | undefined }
  | { command: 'validate'; plan: string | undefined }
  | { command: 'init' };

export type ParsedCommandLine =
  /** A command to run: every word of the command line is known and every value usable. */
  | { kind: 'run'; request: CliRequest }
  /** `--help` or `--version`: text to print, and nothing to run. */
  | { kind: 'print'; text: string }
  /** Nothing may run; each reason names the word at fault. */
  | { kind: 'refuse'; reasons: string[] };

type CommandName = CliRequest['command'];
type FlagName = 'plan' | 'out' | 'watch';

const FLAGS: Record<FlagName, Options> = {
  // No `default`, so a flag left out is told apart from one given; the config fills it.
  plan: {
    type: 'string',
    describe: 'Path of the plan file',
    defaultDescription: `"plan" in ${CONFIG_FILE}, else ${DEFAULT_CONFIG.plan}`,
  },
  out: {
    type: 'string',
    describe: 'Directory of the generated module',
    defaultDescription: `"out" in ${CONFIG_FILE}, else ${DEFAULT_CONFIG.out}`,
  },
  watch: { type: 'boolean', default: false, describe: 'Generate again whenever the plan changes' },
};

const COMMANDS: Record<CommandName, { describe: string; flags: readonly FlagName[] }> = {
  generate: {
    describe: 'Generate the typed module (<out>/index.ts) from the plan',
    flags: ['plan', 'out', 'watch'],
  },
  check: { describe: 'Exit 1 when the generated files are stale (for CI)', flags: ['plan', 'out'] },
  validate: {
    describe: 'Check the plan and report every problem as file:line:col',
    flags: ['plan'],
  },
  init: { describe: `Write a starter ${DEFAULT_CONFIG.plan} and ${CONFIG_FILE}`, flags: [] },
};

const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
/** The flags yargs gives every command. */
const BUILT_IN_FLAGS = ['help', 'version'];

/**
 * Reads the command line without acting on it. yargs runs a command's
 * handler before its strict check has found an unknown word, so a handler
 * here only records the command chosen, and the words are all checked before
 * the CLI runs anything.
 */
export function parseCommandLine(argv: readonly string[], version: string): ParsedCommandLine {
  let chosen: { command: CommandName; args: Record<string, unknown> } | undefined;
  let failure: string | undefined;
  let printed = '';
  let parser = yargs()
    .scriptName('codegen')
    // `--foo-bar` stays one word, `--out.x` is a word rather than an object, and the
    // words after `--` are kept apart, never taken for a command.
    .parserConfiguration({
      'camel-case-expansion': false,
      'dot-notation': false,
      'populate--': true,
    })
    .strict()
    .help()
    .version(version)
    .exitProcess(false)
    .fail((message, error) => {
      failure ??= message ?? String(error);
    });
  for (const command of COMMAND_NAMES) {
    const { describe, flags } = COMMANDS[command];
    parser = parser.command(
      command === 'generate' ? ['generate', '$0'] : command,
      describe,
      (builder) => builder.options(Object.fromEntries(flags.map((flag) => [flag, FLAGS[flag]]))),
      (args) => {
        chosen = { command, args };
      },
    );
  }
  // With a callback, yargs hands over the --help and --version text instead of printing it.
  parser.parse([...argv], {}, (_error, _args, output) => {
    printed = output;
  });

  if (chosen) {
    const reasons = [...checkWords(chosen.command, chosen.args), ...valuedSwitches(argv)];
    if (reasons.length > 0) return { kind: 'refuse', reasons };
  }
  if (failure !== undefined) return { kind: 'refuse', reasons: [`codegen: ${failure}`] };
  if (printed !== '') return { kind: 'print', text: printed };
  if (!chosen) return { kind: 'refuse', reasons: ['codegen: no command was read.'] };
  return { kind: 'run', request: toRequest(chosen.command, chosen.args) };
}

/** Every word the command does not take, and every flag value it cannot use. */
function checkWords(command: CommandName, args: Record<string, unknown>): string[] {
  const words = (Array.isArray(args._) ? args._ : []).map(String);
  const named = words[0] === command;
  if (named) words.shift();
  // Without a command name, the first word was meant as one. Its flags are not judged
  // against generate, which the user did not ask for.
  else if (words[0] !== undefined) return [unknownCommand(words[0])];
  const { flags } = COMMANDS[command];
  if (Array.isArray(args['--'])) words.push(...args['--'].map(String));
  const reasons = words.map(
    (word) =>
      `codegen ${command}: unexpected argument ${JSON.stringify(word)}; ${flags.length > 0 ? `it takes only flags (${listFlags(flags)})` : 'it takes no arguments'}.`,
  );
  for (const key of Object.keys(args)) {
    if (key === '_' || key === '--' || key === '$0') continue;
    if (!(flags as readonly string[]).includes(key)) {
      if (!BUILT_IN_FLAGS.includes(key)) reasons.push(unknownFlag(command, key));
      continue;
    }
    const value = args[key];
    if (key === 'watch' || value === undefined) continue;
    const what = key === 'out' ? 'the directory to write to' : 'the plan file';
    if (Array.isArray(value)) {
      reasons.push(`codegen ${command}: --${key} is given ${value.length} times; give it once.`);
    } else if (typeof value !== 'string') {
      reasons.push(`codegen ${command}: --${key} needs a value: ${what}.`);
    } else if (value === '') {
      reasons.push(
        `codegen ${command}: --${key} has no value (is a variable in it unset?). Give ${what}, or drop the flag to use ${CONFIG_FILE} or the default.`,
      );
    }
  }
  return reasons;
}

/**
 * A value written onto `--watch`, which yargs reads as false unless it is
 * "true" or "false": `--watch=yes` would quietly not watch, so it is refused.
 */
function valuedSwitches(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).flatMap((word) => {
    const value = /^--watch=(.*)$/s.exec(word)?.[1];
    return value === undefined || value === 'true' || value === 'false'
      ? []
      : [
          `codegen: --watch takes no value, and was given ${JSON.stringify(value)}; write --watch alone.`,
        ];
  });
}

function unknownCommand(word: string): string {
  const suggestion = closest(word, COMMAND_NAMES);
  return `codegen: unknown command ${JSON.stringify(word)}; ${suggestion ? `did you mean "${suggestion}"?` : `the commands are ${list(COMMAND_NAMES)}.`}`;
}

function unknownFlag(command: CommandName, key: string): string {
  const written = key.length === 1 ? `-${key}` : `--${key}`;
  const takers = COMMAND_NAMES.filter((other) =>
    (COMMANDS[other].flags as readonly string[]).includes(key),
  );
  if (takers.length > 0) {
    return `codegen ${command} does not take --${key}; ${list(takers.map((other) => `codegen ${other}`))} ${takers.length === 1 ? 'does' : 'do'}.`;
  }
  const own = [...COMMANDS[command].flags, ...BUILT_IN_FLAGS];
  // `--output` is too far from `--out` to be a typo, but it starts with it; `-o` is its start.
  const suggestion =
    closest(key, own) ?? own.find((flag) => flag.startsWith(key) || key.startsWith(flag));
  if (suggestion)
    return `codegen ${command}: unknown flag ${written}; did you mean --${suggestion}?`;
  const flags = COMMANDS[command].flags;
  return `codegen ${command}: unknown flag ${written}; ${flags.length > 0 ? `its flags are ${listFlags(flags)}` : 'it takes no flags'}.`;
}

function toRequest(command: CommandName, args: Record<string, unknown>): CliRequest {
  const path = (key: 'plan' | 'out') => (typeof args[key] === 'string' ? args[key] : undefined);
  switch (command) {
    case 'generate':
      return { command, plan: path('plan'), out: path('out'), watch: args.watch === true };
    case 'check':
      return { command, plan: path('plan'), out: path('out') };
    case 'validate':
      return { command, plan: path('plan') };
    case 'init':
      return { command };
  }
}

const listFlags = (flags: readonly string[]) => list(flags.map((flag) => `--${flag}`));

/** `a`, `a and b`, `a, b and c`. */
function list(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
