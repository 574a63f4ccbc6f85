/**
 * `@scalable-ts/base`: what both layers of scalable-ts build on, the notebook platform and the
 * libraries the notebooks teach. No dependencies, nothing about notebooks.
 *
 * @example
 * ```ts
 * import { CodedError, writeFileAtomic } from '@scalable-ts/base';
 * ```
 */
export { CodedError, coded, type AbstractConstructor, type CauseOptions } from './errors.js';
export { writeFileAtomic } from './atomic-write.js';
