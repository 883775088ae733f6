import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'codegen-cli-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function run(...argv: string[]) {
  return runIn(cwd, ...argv);
}

async function runIn(dir: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, {
    cwd: dir,
    stdout: (t) => stdout.push(t),
    stderr: (t) => stderr.push(t),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('codegen validate', () => {
  it('exits 0 and summarizes a valid plan', async () => {
    writeFileSync(
      join(cwd, 'tracking-plan.yaml'),
      'version: 1\nname: Shop\nevents:\n  Signed Up: {}\n',
    );
    const { code, stdout, stderr } = await run('validate');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('tracking-plan.yaml is valid: 1 events');
  });

  it('prints every problem as file:line:col with a hint, and exits 1', async () => {
    writeFileSync(
      join(cwd, 'plan.yaml'),
      'version: 1\nname: Shop\nevents:\n  E:\n    properties:\n      p: { type: strng }\n      q: { $ref: Missing }\n',
    );
    const { code, stderr } = await run('validate', '--plan', 'plan.yaml');
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      'plan.yaml:6:18 error invalid_value: events.E.properties.p.type is string "strng", which is not a type.',
      expect.stringMatching(/^ {2}hint: Did you mean "string"\?/),
      'plan.yaml:7:18 error unknown_ref: events.E.properties.q refers to the type "Missing", which the plan does not declare.',
      '  hint: Declare it under `types:` at the top level of the plan.',
      '',
      '2 problems in plan.yaml; nothing was written.',
    ]);
  });

  it('reports a missing plan file as a problem', async () => {
    const { code, stderr } = await run('validate', '--plan', 'nope.yaml');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^nope\.yaml:1:1 error file_unreadable: Cannot read the plan: ENOENT/);
    expect(stderr).toContain('codegen init');
  });

  it('rejects unknown commands and flags', async () => {
    expect((await run('validat')).code).toBe(1);
    expect((await run('validate', '--plam', 'x')).code).toBe(1);
    expect((await run()).code).toBe(1);
  });
});

const VALID =
  'version: 1\nname: Shop\nevents:\n  Signed Up:\n    properties:\n      method: { enum: [email], required: true }\n';

describe('codegen generate', () => {
  it('writes <out>/index.ts and is the default command', async () => {
    writeFileSync(join(cwd, 'tracking-plan.yaml'), VALID);
    const { code, stdout } = await run('--out', 'gen');
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote gen/index.ts with plan.js, plan.d.ts and the checks: 1 events');
    expect(existsSync(join(cwd, 'gen/checks.js'))).toBe(true);
    expect(existsSync(join(cwd, 'gen/checks.d.ts'))).toBe(true);
    expect(readFileSync(join(cwd, 'gen/index.ts'), 'utf8')).toContain("export * from './plan.js';");
    expect(readFileSync(join(cwd, 'gen/plan.js'), 'utf8')).toContain('export function signedUp(');
    expect(readFileSync(join(cwd, 'gen/plan.d.ts'), 'utf8')).toContain(
      'export declare function signedUp(',
    );
  });

  it('reads plan and out from codegen.config.json, flags winning', async () => {
    writeFileSync(join(cwd, 'plan.yaml'), VALID);
    writeFileSync(
      join(cwd, 'codegen.config.json'),
      JSON.stringify({ plan: 'plan.yaml', out: 'from-config' }),
    );
    expect((await run('generate')).code).toBe(0);
    expect(existsSync(join(cwd, 'from-config/index.ts'))).toBe(true);
    expect((await run('generate', '--out', 'from-flag')).code).toBe(0);
    expect(existsSync(join(cwd, 'from-flag/index.ts'))).toBe(true);
  });

  it('reports a broken config file', async () => {
    writeFileSync(join(cwd, 'codegen.config.json'), '{ "out": 3 }');
    const { code, stderr } = await run('generate');
    expect(code).toBe(1);
    expect(stderr).toContain('"out" must be a non-empty string');
  });

  it('refuses unknown keys in the config file instead of ignoring them', async () => {
    writeFileSync(join(cwd, 'tracking-plan.yaml'), VALID);
    writeFileSync(join(cwd, 'codegen.config.json'), JSON.stringify({ output: 'gen' }));
    const { code, stderr } = await run('generate');
    expect(code).toBe(1);
    expect(stderr).toContain(
      'codegen.config.json: unknown key "output"; the keys are plan and out.',
    );
    expect(existsSync(join(cwd, 'src'))).toBe(false);
    expect(existsSync(join(cwd, 'gen'))).toBe(false);
  });

  it('writes nothing, and keeps the previous output, when the plan is invalid', async () => {
    writeFileSync(join(cwd, 'tracking-plan.yaml'), VALID);
    await run('generate', '--out', 'gen');
    const before = readFileSync(join(cwd, 'gen/index.ts'), 'utf8');
    writeFileSync(
      join(cwd, 'tracking-plan.yaml'),
      `${VALID}  Bad: { properties: { x: { type: nope } } }\n`,
    );
    const { code, stderr } = await run('generate', '--out', 'gen');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tracking-plan\.yaml:7:\d+ error invalid_value/);
    expect(stderr).toContain('nothing was written');
    expect(readFileSync(join(cwd, 'gen/index.ts'), 'utf8')).toBe(before);
    expect(existsSync(join(cwd, 'other'))).toBe(false);
  });
});

/** Every file under `dir`, with its contents. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path] = readFileSync(path, 'utf8');
  }
  return files;
}

describe('a command line with a mistyped or empty word', () => {
  const table: { given: string[]; want: string }[] = [
    { given: ['--output', 'src/tracking'], want: 'unknown flag --output; did you mean --out?' },
    { given: ['valdate'], want: 'unknown command "valdate"; did you mean "validate"?' },
    { given: ['generat'], want: 'unknown command "generat"; did you mean "generate"?' },
    { given: ['generate', '--bogus'], want: 'unknown flag --bogus' },
    { given: ['check', '--watch'], want: 'codegen check does not take --watch' },
    { given: ['--out='], want: '--out has no value (is a variable in it unset?)' },
    { given: ['generate', '--out', ''], want: '--out has no value' },
    { given: ['check', '--out='], want: '--out has no value' },
    { given: ['--plan='], want: '--plan has no value' },
    { given: ['init', '--out', 'gen'], want: 'codegen init does not take --out' },
  ];

  it.each(table)(
    '$given exits 1 naming the word, before anything runs or is written',
    async ({ given, want }) => {
      writeFileSync(join(cwd, 'tracking-plan.yaml'), VALID);
      mkdirSync(join(cwd, 'src/analytics'), { recursive: true });
      writeFileSync(join(cwd, 'src/analytics/index.ts'), '// mine\n');
      writeFileSync(join(cwd, 'index.ts'), '// mine too\n');
      const before = snapshot(cwd);
      const { code, stdout, stderr } = await run(...given);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain(want);
      expect(lines[1]).toBe(
        'Run `codegen --help` for the commands and their flags. Nothing was written.',
      );
      expect(snapshot(cwd)).toEqual(before);
    },
  );
});

describe('codegen --version and --help', () => {
  it('--version prints the version in package.json', async () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(await run('--version')).toEqual({ code: 0, stdout: version, stderr: '' });
  });

  it('--help prints the commands through the CLI output', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('codegen validate');
  });
});

describe('codegen generate where it cannot write', () => {
  it('reports an output path that is a file, exits 1 and writes nothing', async () => {
    writeFileSync(join(cwd, 'tracking-plan.yaml'), VALID);
    writeFileSync(join(cwd, 'gen'), 'mine');
    for (const out of ['gen', 'gen/sub']) {
      const { code, stdout, stderr } = await run('generate', '--out', out);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.split('\n')).toEqual([
        expect.stringMatching(/^codegen: .*gen is not a directory/),
        'Nothing was written.',
      ]);
      expect(readFileSync(join(cwd, 'gen'), 'utf8')).toBe('mine');
    }
  });
});

describe('codegen check', () => {
  it('passes when the files are current and fails when they are stale or missing', async () => {
    writeFileSync(join(cwd, 'tracking-plan.yaml'), VALID);
    const missing = await run('check', '--out', 'gen');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('gen/index.ts is stale or missing.');
    await run('generate', '--out', 'gen');
    expect((await run('check', '--out', 'gen')).code).toBe(0);
    writeFileSync(join(cwd, 'tracking-plan.yaml'), VALID.replace('Signed Up', 'Signed Up Now'));
    const stale = await run('check', '--out', 'gen');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Run `codegen generate');
  });
});

describe('codegen check from another directory than generate', () => {
  it('agrees, since the header names the plan relative to the output', async () => {
    const app = join(cwd, 'apps/web');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'tracking-plan.yaml'), VALID);
    const generated = await run(
      'generate',
      '--plan',
      'apps/web/tracking-plan.yaml',
      '--out',
      'apps/web/src/analytics',
    );
    expect(generated.code).toBe(0);
    expect(readFileSync(join(app, 'src/analytics/index.ts'), 'utf8')).toMatch(
      /^\/\/ Generated by @trackplan\/codegen from \.\.\/\.\.\/tracking-plan\.yaml \(Shop\)\./,
    );
    expect(await runIn(app, 'check')).toEqual({
      code: 0,
      stdout: 'src/analytics is up to date with tracking-plan.yaml.',
      stderr: '',
    });
    expect(
      (
        await runIn(
          join(app, 'src'),
          'check',
          '--plan',
          '../tracking-plan.yaml',
          '--out',
          'analytics',
        )
      ).code,
    ).toBe(0);
  });
});

describe('codegen init', () => {
  it('writes a starter plan that validates, and a config', async () => {
    const { code } = await run('init');
    expect(code).toBe(0);
    expect((await run('validate')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'codegen.config.json'), 'utf8'))).toEqual({
      plan: 'tracking-plan.yaml',
      out: 'src/analytics',
    });
  });

  it('writes neither file when it cannot write one', async () => {
    // A link to nothing is no file to access, but writing through it fails.
    symlinkSync(join(cwd, 'missing/target.json'), join(cwd, 'codegen.config.json'));
    const { code, stderr } = await run('init');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^codegen: cannot write codegen\.config\.json: EEXIST/);
    expect(stderr).toContain('Nothing was written.');
    expect(existsSync(join(cwd, 'tracking-plan.yaml'))).toBe(false);
  });

  it('never overwrites', async () => {
    writeFileSync(join(cwd, 'tracking-plan.yaml'), 'mine');
    const { code, stderr } = await run('init');
    expect(code).toBe(1);
    expect(stderr).toContain('already exists');
    expect(readFileSync(join(cwd, 'tracking-plan.yaml'), 'utf8')).toBe('mine');
  });
});

/** Polls a condition every 20 ms, for at most 5 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 250; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met within 5 s');
}

describe('codegen generate --watch', () => {
  it('exits 1, saying so, when the directory of the plan cannot be watched', async () => {
    const { code, stdout, stderr } = await run(
      'generate',
      '--watch',
      '--plan',
      'missing/tracking-plan.yaml',
      '--out',
      'gen',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^missing\/tracking-plan\.yaml:1:1 error file_unreadable/);
    expect(stderr).toMatch(/\ncodegen: cannot watch missing for changes to the plan: ENOENT/);
    expect(existsSync(join(cwd, 'gen'))).toBe(false);
  });

  it('generates again on each change, reports a broken plan without stopping, and ends on abort', async () => {
    const planPath = join(cwd, 'tracking-plan.yaml');
    const output = join(cwd, 'gen/plan.js');
    writeFileSync(planPath, VALID);
    const stop = new AbortController();
    const stdout: string[] = [];
    const stderr: string[] = [];
    const running = runCli(['generate', '--watch', '--out', 'gen'], {
      cwd,
      stdout: (t) => stdout.push(t),
      stderr: (t) => stderr.push(t),
      signal: stop.signal,
    });
    await until(() => stdout.some((line) => line.startsWith('Watching')));
    expect(readFileSync(output, 'utf8')).toContain('signedUp(');

    writeFileSync(planPath, VALID.replace('Signed Up', 'Account Created'));
    await until(() => readFileSync(output, 'utf8').includes('accountCreated('));

    writeFileSync(planPath, 'version: 1\nname: [broken\n');
    await until(() => stderr.some((line) => line.includes('error yaml_syntax')));
    expect(readFileSync(output, 'utf8')).toContain('accountCreated(');

    stop.abort();
    expect(await running).toBe(0);
  });
});
