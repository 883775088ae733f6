import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { closest } from '../plan/problems.js';

/** `codegen.config.json`: defaults for the flags, so a build can run plain `codegen`. */
export interface CodegenConfig {
  /** @default 'tracking-plan.yaml' */
  plan: string;
  /** @default 'src/analytics' */
  out: string;
}

export const CONFIG_FILE = 'codegen.config.json';
export const DEFAULT_CONFIG: CodegenConfig = { plan: 'tracking-plan.yaml', out: 'src/analytics' };

/** Reads the config file of `cwd` if there is one; flags given on the command line win. */
export async function readConfig(cwd: string): Promise<{ config: CodegenConfig; error?: string }> {
  let text: string;
  try {
    text = await readFile(join(cwd, CONFIG_FILE), 'utf8');
  } catch {
    return { config: DEFAULT_CONFIG };
  }
  try {
    const parsed = JSON.parse(text) as Partial<Record<keyof CodegenConfig, unknown>>;
    const config = { ...DEFAULT_CONFIG };
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return {
        config,
        error: `${CONFIG_FILE} must hold an object such as {"out": "src/analytics"}.`,
      };
    }
    const known = Object.keys(DEFAULT_CONFIG);
    // A misspelt key would otherwise be ignored, and the files go elsewhere.
    for (const key of Object.keys(parsed)) {
      if (known.includes(key) || key === '$schema') continue;
      const suggestion = closest(key, known);
      return {
        config,
        error: `${CONFIG_FILE}: unknown key ${JSON.stringify(key)}; ${suggestion ? `did you mean "${suggestion}"?` : `the keys are ${known.join(' and ')}.`}`,
      };
    }
    for (const key of ['plan', 'out'] as const) {
      const value = parsed[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value === '') {
        return { config, error: `${CONFIG_FILE}: "${key}" must be a non-empty string.` };
      }
      config[key] = value;
    }
    return { config };
  } catch (error) {
    return {
      config: DEFAULT_CONFIG,
      error: `${CONFIG_FILE} is not valid JSON: ${(error as Error).message}`,
    };
  }
}
