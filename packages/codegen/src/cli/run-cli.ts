import { relative, resolve } from 'node:path';
import yargs from 'yargs';
import { loadPlanFile } from '../plan/load-plan.js';
import { formatProblem } from '../plan/problems.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * The `codegen` command line, a thin layer over the library: it parses flags,
 * calls the pipeline and prints. Returns the exit code instead of exiting, so
 * tests run it in process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName('codegen')
    .command(
      'validate',
      'Check tracking-plan.yaml and report every problem as file:line:col',
      (command) =>
        command.option('plan', {
          type: 'string',
          default: 'tracking-plan.yaml',
          describe: 'Path of the plan file',
        }),
      async ({ plan }) => {
        const absolute = resolve(io.cwd, plan);
        const path = relative(io.cwd, absolute) || absolute;
        const { model, problems } = await loadPlanFile(absolute, path);
        if (!model) {
          for (const problem of problems) io.stderr(formatProblem(problem));
          io.stderr(
            `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${path}; nothing was written.`,
          );
          exitCode = 1;
          return;
        }
        io.stdout(
          `${path} is valid: ${model.events.length} events, ${model.pages.length} pages, ${model.types.length} shared types, ${model.identifyTraits.length} identify traits, ${model.groupTraits.length} group traits.`,
        );
      },
    )
    .demandCommand(1, 'Name a command: codegen validate')
    .strict()
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      io.stderr(message ?? String(error));
      exitCode = 1;
    })
    .parserConfiguration({ 'unknown-options-as-args': false });
  await parser.parseAsync();
  return exitCode;
}
