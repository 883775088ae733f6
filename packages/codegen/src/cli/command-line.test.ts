import { describe, expect, it } from 'vitest';
import { type CliRequest, parseCommandLine } from './command-line.js';

describe('a command line the CLI can run', () => {
  const table: { given: string[]; want: CliRequest }[] = [
    { given: [], want: { command: 'generate', plan: undefined, out: undefined, watch: false } },
    {
      given: ['generate', '--plan', 'p.yaml', '--out=gen', '--watch'],
      want: { command: 'generate', plan: 'p.yaml', out: 'gen', watch: true },
    },
    {
      given: ['--out', 'gen'],
      want: { command: 'generate', plan: undefined, out: 'gen', watch: false },
    },
    { given: ['check', '--out', 'gen'], want: { command: 'check', plan: undefined, out: 'gen' } },
    { given: ['validate', '--plan', 'p.yaml'], want: { command: 'validate', plan: 'p.yaml' } },
    { given: ['init'], want: { command: 'init' } },
    {
      given: ['--watch=false'],
      want: { command: 'generate', plan: undefined, out: undefined, watch: false },
    },
    {
      given: ['--watch=true'],
      want: { command: 'generate', plan: undefined, out: undefined, watch: true },
    },
  ];

  it.each(table)('$given', ({ given, want }) => {
    expect(parseCommandLine(given, '1.2.3')).toEqual({ kind: 'run', request: want });
  });
});

describe('a command line with a word the command does not take is refused, naming the word', () => {
  const table: { given: string[]; want: string[] }[] = [
    {
      given: ['--output', 'src/tracking'],
      want: ['codegen generate: unknown flag --output; did you mean --out?'],
    },
    { given: ['-o', 'gen'], want: ['codegen generate: unknown flag -o; did you mean --out?'] },
    { given: ['valdate'], want: ['codegen: unknown command "valdate"; did you mean "validate"?'] },
    {
      given: ['generate', '--watch=yes'],
      want: ['codegen: --watch takes no value, and was given "yes"; write --watch alone.'],
    },
    { given: ['generat'], want: ['codegen: unknown command "generat"; did you mean "generate"?'] },
    {
      given: ['frobnicate', '--plam', 'x'],
      want: [
        'codegen: unknown command "frobnicate"; the commands are generate, check, validate and init.',
      ],
    },
    {
      given: ['generate', '--bogus'],
      want: ['codegen generate: unknown flag --bogus; its flags are --plan, --out and --watch.'],
    },
    {
      given: ['generate', '--foo-bar', '--out.dir=x'],
      want: [
        'codegen generate: unknown flag --foo-bar; its flags are --plan, --out and --watch.',
        'codegen generate: unknown flag --out.dir; did you mean --out?',
      ],
    },
    {
      given: ['check', '--watch'],
      want: ['codegen check does not take --watch; codegen generate does.'],
    },
    {
      given: ['validate', '--out', 'gen'],
      want: ['codegen validate does not take --out; codegen generate and codegen check do.'],
    },
    {
      given: ['init', '--force'],
      want: ['codegen init: unknown flag --force; it takes no flags.'],
    },
    {
      given: ['generate', 'plan.yaml'],
      want: [
        'codegen generate: unexpected argument "plan.yaml"; it takes only flags (--plan, --out and --watch).',
      ],
    },
    {
      given: ['init', 'here'],
      want: ['codegen init: unexpected argument "here"; it takes no arguments.'],
    },
    {
      given: ['--', 'validate'],
      want: [
        'codegen generate: unexpected argument "validate"; it takes only flags (--plan, --out and --watch).',
      ],
    },
  ];

  it.each(table)('$given', ({ given, want }) => {
    expect(parseCommandLine(given, '1.2.3')).toEqual({ kind: 'refuse', reasons: want });
  });
});

describe('a path flag without a usable value is refused rather than read as the current directory', () => {
  const noOut =
    'codegen generate: --out has no value (is a variable in it unset?). Give the directory to write to, or drop the flag to use codegen.config.json or the default.';
  const table: { given: string[]; want: string[] }[] = [
    { given: ['--out='], want: [noOut] },
    { given: ['--out', ''], want: [noOut] },
    { given: ['--out'], want: [noOut] },
    { given: ['--out', '--watch'], want: [noOut] },
    {
      given: ['check', '--plan='],
      want: [
        'codegen check: --plan has no value (is a variable in it unset?). Give the plan file, or drop the flag to use codegen.config.json or the default.',
      ],
    },
    {
      given: ['--out', 'a', '--out', 'b'],
      want: ['codegen generate: --out is given 2 times; give it once.'],
    },
    {
      given: ['--no-out'],
      want: ['codegen generate: --out needs a value: the directory to write to.'],
    },
  ];

  it.each(table)('$given', ({ given, want }) => {
    expect(parseCommandLine(given, '1.2.3')).toEqual({ kind: 'refuse', reasons: want });
  });
});

describe('--help and --version are text to print, with nothing to run', () => {
  it.each([['--version'], ['check', '--version']])('%s prints the version given', (...given) => {
    expect(parseCommandLine(given, '1.2.3')).toEqual({ kind: 'print', text: '1.2.3' });
  });

  it('--help lists the commands and the flags', () => {
    const parsed = parseCommandLine(['--help'], '1.2.3');
    expect(parsed.kind).toBe('print');
    const text = parsed.kind === 'print' ? parsed.text : '';
    for (const word of ['codegen check', 'codegen validate', 'codegen init', '--plan', '--out']) {
      expect(text).toContain(word);
    }
  });
});
