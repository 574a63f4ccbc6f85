import { UnknownKernelError } from './errors.js';

/** What the client knows about one of tslab's two kernels. */
export interface KernelSpec {
  /** The kernelspec name notebooks use. */
  name: 'tslab' | 'jslab';
  displayName: string;
  language: 'typescript' | 'javascript';
  /** Whether tslab runs in JavaScript mode (`tslab kernel --js`). */
  js: boolean;
}

/** tslab's kernels: `tslab` for TypeScript, `jslab` for JavaScript. */
export const KERNEL_SPECS: Readonly<Record<KernelSpec['name'], KernelSpec>> = {
  tslab: { name: 'tslab', displayName: 'TypeScript', language: 'typescript', js: false },
  jslab: { name: 'jslab', displayName: 'JavaScript', language: 'javascript', js: true },
};

/** Looks up a kernel by the name in a notebook's kernelspec. Throws {@link UnknownKernelError}. */
export function kernelSpec(name: string): KernelSpec {
  if (name === 'tslab' || name === 'jslab') return KERNEL_SPECS[name];
  throw new UnknownKernelError(name, Object.keys(KERNEL_SPECS));
}
