/**
 * Coverage through notebooks (`--coverage`): which lines of the project's packages the notebooks
 * run, mapped back to their TypeScript sources.
 *
 * How it works: every kernel gets `NODE_V8_COVERAGE=<dir>` in its environment, so V8 writes the
 * coverage of the kernel process, and of every worker and child process it starts (they inherit
 * the variable), into that folder when each exits. {@link reportCoverage} then hands the folder
 * to c8's report (v8-to-istanbul, which follows the packages' source maps from `dist/*.js` to
 * `src/*.ts`, and istanbul's reporters, as vitest's V8 provider does): a text table on stdout and
 * HTML plus lcov in the reports folder. Only files of `packages/*` count, without the kernel host
 * every kernel runs; the vitest workers and the runner itself are not measured.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Options of {@link reportCoverage}. */
export interface CoverageReportOptions {
  /** Where the kernels wrote their V8 coverage (`NODE_V8_COVERAGE`). */
  tempDirectory: string;
  /** The project's root: paths in the report are relative to it. */
  root: string;
  /** Where HTML and lcov go. Default `<root>/coverage`. */
  reportsDirectory?: string;
  /** istanbul reporters. Default `text`, `html`, `lcovonly`. */
  reporters?: string[];
}

/** The environment of a kernel whose coverage goes to `dir`. */
export function coverageEnv(dir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, NODE_V8_COVERAGE: dir };
}

/** Writes the report of the coverage in `tempDirectory`. */
export async function reportCoverage(options: CoverageReportOptions): Promise<void> {
  const reportsDirectory = options.reportsDirectory ?? join(options.root, 'coverage');
  await mkdir(reportsDirectory, { recursive: true });
  // c8's include and exclude patterns are relative to the working directory.
  const cwd = process.cwd();
  process.chdir(options.root);
  try {
    // Loaded here: every vitest worker imports this module (for coverageEnv), few report.
    const { Report } = await import('c8');
    await new Report({
      tempDirectory: options.tempDirectory,
      reportsDirectory,
      reporter: options.reporters ?? ['text', 'html', 'lcovonly'],
      include: ['packages/*/dist/**', 'packages/*/src/**'],
      exclude: ['packages/kernel/dist/kernel-host.cjs', '**/*.test.*', '**/test-support/**'],
      excludeNodeModules: true,
      src: [options.root],
    }).run();
  } finally {
    process.chdir(cwd);
  }
}
