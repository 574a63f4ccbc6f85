// Model-based testing helpers: each random operation runs on the real structure and on a simple
// reference model, and the two must agree after every step.
import type fc from 'fast-check';

/**
 * A fast-check command that runs `apply` on both sides, then `same` to compare them. `apply`
 * itself asserts on anything the operation returns or throws.
 */
export function step<Model extends object, Real>(
  label: string,
  apply: (model: Model, real: Real) => void,
  same: (model: Model, real: Real) => void,
): fc.Command<Model, Real> {
  return {
    check: () => true,
    run(model, real) {
      apply(model, real);
      same(model, real);
    },
    toString: () => label,
  };
}
