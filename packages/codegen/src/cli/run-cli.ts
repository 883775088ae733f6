import { access, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { generate } from '../generate.js';
import { loadPlanFile } from '../plan/load-plan.js';
import { formatProblem, type PlanProblem } from '../plan/problems.js';
import { leftoverFiles, staleFiles, WriteError, writeFilesAtomically } from '../write-files.js';
import { parseCommandLine } from './command-line.js';
import { CONFIG_FILE, DEFAULT_CONFIG, readConfig } from './config.js';
import { packageVersion } from './package-version.js';
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

/** A path as a POSIX shell reads it back whole, so a suggested command can be pasted as it is. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

/**
 * The `codegen` command line, a thin layer over the library: it resolves
 * paths and settings, calls the pipeline and prints. It returns the exit code
 * instead of exiting, so tests run it in process. The whole command line is
 * read and checked before anything runs, so a mistyped word writes nothing.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, packageVersion());
  if (parsed.kind === 'print') {
    io.stdout(parsed.text);
    return 0;
  }
  if (parsed.kind === 'refuse') {
    for (const reason of parsed.reasons) io.stderr(reason);
    io.stderr('Run `codegen --help` for the commands and their flags. Nothing was written.');
    return 1;
  }
  const { request } = parsed;
  const { config, error: configError } = await readConfig(io.cwd);
  if (configError) {
    io.stderr(configError);
    return 1;
  }
  const display = (absolute: string) => relative(io.cwd, absolute) || absolute;

  function reportProblems(problems: PlanProblem[], planPath: string): 1 {
    for (const problem of problems) io.stderr(formatProblem(problem));
    io.stderr(
      `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${planPath}; nothing was written.`,
    );
    return 1;
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
    if (!result.ok) {
      reportProblems(result.problems, display(planPath));
      return undefined;
    }
    return { files: result.files, model: loaded.model };
  }

  switch (request.command) {
    case 'generate': {
      const plan = request.plan ?? config.plan;
      const outDir = resolve(io.cwd, request.out ?? config.out);
      /** Generates and writes once; returns the exit code. */
      const once = async (): Promise<number> => {
        const generated = await generateFrom(plan, outDir);
        if (!generated) return 1;
        try {
          await writeFilesAtomically(outDir, generated.files);
        } catch (error) {
          if (!(error instanceof WriteError)) throw error;
          io.stderr(`codegen: ${error.message}`);
          io.stderr(error.code === 'replace_failed' ? 'Run it again.' : 'Nothing was written.');
          return 1;
        }
        io.stdout(
          `Wrote ${display(join(outDir, 'index.ts'))}: ${generated.model.events.length} events, ${generated.model.pages.length} pages.`,
        );
        return 0;
      };
      const exitCode = await once();
      if (!request.watch) return exitCode;
      // In watch mode a bad plan is reported and waited out, not fatal; a directory
      // that cannot be watched is.
      let stopped: Promise<void>;
      try {
        stopped = watchFile(resolve(io.cwd, plan), io.signal, async () => {
          await once();
        });
      } catch (error) {
        io.stderr(
          `codegen: cannot watch ${display(dirname(resolve(io.cwd, plan)))} for changes to the plan: ${(error as Error).message}`,
        );
        return 1;
      }
      io.stdout(`Watching ${plan} for changes; stop with Ctrl+C.`);
      await stopped;
      // Stopping a watch is not a failure, whatever the last plan was.
      return 0;
    }
    case 'check': {
      const plan = request.plan ?? config.plan;
      const out = request.out ?? config.out;
      const outDir = resolve(io.cwd, out);
      const generated = await generateFrom(plan, outDir);
      if (!generated) return 1;
      const stale = await staleFiles(outDir, generated.files);
      const leftovers = await leftoverFiles(outDir);
      if (stale.length > 0 || leftovers.length > 0) {
        for (const path of stale) io.stderr(`${display(join(outDir, path))} is stale or missing.`);
        for (const path of leftovers) {
          io.stderr(
            `${display(join(outDir, path))} was written by an earlier version of codegen; generating removes it.`,
          );
        }
        io.stderr(
          `Run \`codegen generate --plan ${shellWord(plan)} --out ${shellWord(out)}\` and commit the result.`,
        );
        return 1;
      }
      io.stdout(`${display(outDir)} is up to date with ${plan}.`);
      return 0;
    }
    case 'validate': {
      const planPath = resolve(io.cwd, request.plan ?? config.plan);
      const { model, problems } = await loadPlanFile(planPath, display(planPath));
      if (!model) return reportProblems(problems, display(planPath));
      io.stdout(
        `${display(planPath)} is valid: ${model.events.length} events, ${model.pages.length} pages, ${model.types.length} shared types, ${model.identifyTraits.length} identify traits, ${model.groupTraits.length} group traits.`,
      );
      return 0;
    }
    case 'init': {
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
          return 1;
        }
      }
      const written: string[] = [];
      for (const [path, contents] of targets) {
        try {
          await writeFile(path, contents, { flag: 'wx' });
        } catch (error) {
          // Both files or neither: remove the one this run wrote.
          for (const done of written) await rm(done, { force: true });
          io.stderr(`codegen: cannot write ${display(path)}: ${(error as Error).message}`);
          io.stderr('Nothing was written.');
          return 1;
        }
        written.push(path);
      }
      io.stdout(
        `Wrote ${targets.map(([path]) => display(path)).join(' and ')}. Next: codegen generate`,
      );
      return 0;
    }
  }
}
