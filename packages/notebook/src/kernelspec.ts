/** Which kernel a notebook asks for. */
import { NoKernelspecError } from './errors.js';
import type { Notebook } from './types.js';

/**
 * The name of the kernel a notebook runs on: `metadata.kernelspec.name`.
 *
 * @param nb - the notebook.
 * @param path - the file it came from, for the error message.
 * @returns the kernel name, e.g. `tslab`.
 * @throws {@link NoKernelspecError} if the notebook has no kernelspec or it has no name.
 *
 * @example
 * ```ts
 * const kernel = kernelNameOf(await readNotebook(file), file); // 'tslab'
 * ```
 */
export function kernelNameOf(nb: Pick<Notebook, 'metadata'>, path: string): string {
  const name: unknown = nb.metadata.kernelspec?.name;
  if (typeof name !== 'string' || name === '') throw new NoKernelspecError(path);
  return name;
}
