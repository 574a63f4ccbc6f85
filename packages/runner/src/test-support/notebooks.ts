/**
 * Builds notebooks for tests in a scratch folder inside the workspace (so tslab finds
 * `@types/node`, as it would for a real notebook), and removes them afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A code cell for {@link notebookJson}: source, tags, committed outputs. */
export interface TestCell {
  source: string;
  tags?: string[];
  /** Committed outputs; with `executionCount` null (the default when absent) nothing is compared. */
  outputs?: unknown[];
  executionCount?: number | null;
  metadata?: Record<string, unknown>;
}

/** Standard output as nbformat stores it. */
export const stdout = (text: string) => ({ output_type: 'stream', name: 'stdout', text: [text] });

/** An nbformat 4.5 notebook with these code cells (and a title cell first). */
export function notebookJson(cells: TestCell[], metadata: Record<string, unknown> = {}, kernel = 'tslab'): Record<string, unknown> {
  return {
    cells: [
      { cell_type: 'markdown', id: 'title', metadata: {}, source: ['# A test notebook'] },
      ...cells.map((cell, i) => ({
        cell_type: 'code',
        id: `cell-${i + 1}`,
        metadata: { ...(cell.tags ? { tags: cell.tags } : {}), ...cell.metadata },
        execution_count: cell.executionCount ?? (cell.outputs ? i + 1 : null),
        outputs: cell.outputs ?? [],
        source: cell.source,
      })),
    ],
    metadata: {
      kernelspec: { name: kernel, display_name: kernel === 'jslab' ? 'JavaScript' : 'TypeScript', language: kernel === 'jslab' ? 'javascript' : 'typescript' },
      language_info: { name: kernel === 'jslab' ? 'javascript' : 'typescript' },
      ...metadata,
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** A scratch folder with helpers to write notebooks (JSON or raw text) into it. */
export async function scratch(): Promise<{ dir: string; write(name: string, content: unknown): Promise<string>; remove(): Promise<void> }> {
  const dir = join(fileURLToPath(new URL('../../', import.meta.url)), '.test-notebooks', randomUUID().slice(0, 8));
  await mkdir(dir, { recursive: true });
  return {
    dir,
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 1)}\n`);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
