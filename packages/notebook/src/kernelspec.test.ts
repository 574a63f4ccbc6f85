import { describe, expect, it } from 'vitest';
import { NoKernelspecError } from './errors.js';
import { kernelNameOf } from './kernelspec.js';

describe('kernelNameOf', () => {
  it('returns metadata.kernelspec.name', () => {
    expect(kernelNameOf({ metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript' } } }, 'a.ipynb')).toBe('tslab');
  });

  it('throws ERR_NO_KERNELSPEC naming the file when the kernelspec or its name is missing', () => {
    for (const metadata of [{}, { kernelspec: { name: '', display_name: 'X' } }]) {
      const error = (() => {
        try {
          kernelNameOf({ metadata }, 'notebooks/01-x.ipynb');
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(NoKernelspecError);
      expect(error).toMatchObject({ code: 'ERR_NO_KERNELSPEC', name: 'NoKernelspecError', path: 'notebooks/01-x.ipynb' });
      expect((error as Error).message).toMatch(/^notebooks\/01-x\.ipynb: metadata\.kernelspec\.name is missing/);
    }
  });
});
