import { access, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import yargs from 'yargs';
import { generate } from '../generate.js';
import { loadPlanFile } from '../plan/load-plan.js';
import { formatProblem, type PlanProblem } from '../plan/problems.js';
import { staleFiles, WriteError, writeFilesAtomically } from '../write-files.js';
import { CONFIG_FILE, DEFAULT_CONFIG, readConfig } from './config.js';
import { planPathFromOutput } from './plan-path-from-output.js';
import { STARTER_PLAN } from './starter-plan.js';
import { watchFile } from './watch-file.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Ends `--watch`. The binary wires it to SIGINT and SIGTERM. */
  signal?: AbortSignal;
}

/**
 * The `codegen` command line, a thin layer over the library: it resolves
 * paths and settings, calls the pipeline and prints. It returns the exit code
 * instead of exiting, so tests run it in process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const { config, error: configError } = await readConfig(io.cwd);
  if (configError) {
    io.stderr(configError);
    return 1;
  }
  const display = (absolute: string) => relative(io.cwd, absolute) || absolute;

  function reportProblems(problems: PlanProblem[], planPath: string): void {
    for (const problem of problems) io.stderr(formatProblem(problem));
    io.stderr(
      `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${planPath}; nothing was written.`,
    );
    exitCode = 1;
  }

  /** Loads and generates; prints problems and returns undefined when the plan is invalid. */
  async function generateFrom(plan: string, outDir: string) {
    const planPath = resolve(io.cwd, plan);
    const loaded = await loadPlanFile(planPath, display(planPath));
    if (!loaded.model) {
      reportProblems(loaded.problems, display(planPath));
      return undefined;
    }
    const result = generate(loaded.model, { planFile: planPathFromOutput(outDir, planPath) });
    return result.ok ? { files: result.files, model: loaded.model } : undefined;
  }

  const planOption = {
    type: 'string',
    default: config.plan,
    describe: 'Path of the plan file',
  } as const;
  const outOption = {
    type: 'string',
    default: config.out,
    describe: 'Directory of the generated module',
  } as const;

  await yargs(argv)
    .scriptName('codegen')
    .command(
      ['generate', '$0'],
      'Generate the typed module (<out>/index.ts) from the plan',
      (command) =>
        command.option('plan', planOption).option('out', outOption).option('watch', {
          type: 'boolean',
          default: false,
          describe: 'Generate again whenever the plan changes',
        }),
      async ({ plan, out, watch: watching }) => {
        const outDir = resolve(io.cwd, out);
        const once = async () => {
          const generated = await generateFrom(plan, outDir);
          if (!generated) return;
          try {
            await writeFilesAtomically(outDir, generated.files);
          } catch (error) {
            if (!(error instanceof WriteError)) throw error;
            io.stderr(`codegen: ${error.message}`);
            io.stderr(error.code === 'replace_failed' ? 'Run it again.' : 'Nothing was written.');
            exitCode = 1;
            return;
          }
          io.stdout(
            `Wrote ${display(join(outDir, 'index.ts'))} with plan.js, plan.d.ts and the checks: ${generated.model.events.length} events, ${generated.model.pages.length} pages.`,
          );
        };
        await once();
        if (!watching) return;
        // In watch mode a bad plan is reported and waited out, not fatal.
        io.stdout(`Watching ${plan} for changes; stop with Ctrl+C.`);
        await watchFile(resolve(io.cwd, plan), io.signal, once);
        // Stopping a watch is not a failure, whatever the last plan was.
        exitCode = 0;
      },
    )
    .command(
      'check',
      'Exit 1 when the generated files are stale (for CI)',
      (command) => command.option('plan', planOption).option('out', outOption),
      async ({ plan, out }) => {
        const outDir = resolve(io.cwd, out);
        const generated = await generateFrom(plan, outDir);
        if (!generated) return;
        const stale = await staleFiles(outDir, generated.files);
        if (stale.length > 0) {
          for (const path of stale)
            io.stderr(`${display(join(outDir, path))} is stale or missing.`);
          io.stderr(`Run \`codegen generate --plan ${plan} --out ${out}\` and commit the result.`);
          exitCode = 1;
          return;
        }
        io.stdout(`${display(outDir)} is up to date with ${plan}.`);
      },
    )
    .command(
      'validate',
      'Check the plan and report every problem as file:line:col',
      (command) => command.option('plan', planOption),
      async ({ plan }) => {
        const planPath = resolve(io.cwd, plan);
        const { model, problems } = await loadPlanFile(planPath, display(planPath));
        if (!model) return reportProblems(problems, display(planPath));
        io.stdout(
          `${display(planPath)} is valid: ${model.events.length} events, ${model.pages.length} pages, ${model.types.length} shared types, ${model.identifyTraits.length} identify traits, ${model.groupTraits.length} group traits.`,
        );
      },
    )
    .command(
      'init',
      `Write a starter ${DEFAULT_CONFIG.plan} and ${CONFIG_FILE}`,
      (command) => command,
      async () => {
        const targets = [
          [join(io.cwd, DEFAULT_CONFIG.plan), STARTER_PLAN],
          [join(io.cwd, CONFIG_FILE), `${JSON.stringify(DEFAULT_CONFIG, null, 2)}\n`],
        ] as const;
        for (const [path] of targets) {
          const exists = await access(path).then(
            () => true,
            () => false,
          );
          if (exists) {
            io.stderr(`${display(path)} already exists; init writes nothing over existing files.`);
            exitCode = 1;
            return;
          }
        }
        for (const [path, contents] of targets) await writeFile(path, contents, { flag: 'wx' });
        io.stdout(
          `Wrote ${targets.map(([path]) => display(path)).join(' and ')}. Next: codegen generate`,
        );
      },
    )
    .strict()
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      io.stderr(message ?? String(error));
      exitCode = 1;
    })
    .parseAsync();
  return exitCode;
}
