import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, {
    cwd,
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
