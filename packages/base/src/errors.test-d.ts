import { expectTypeOf, test } from 'vitest';
import { CodedError, coded, type CauseOptions } from './errors.js';

type Code = 'ERR_A' | 'ERR_B' | 'ERR_C';
abstract class PackageError extends CodedError<Code> {}
class AError extends coded(PackageError, 'ERR_A') {
  constructor(readonly n: number) {
    super(`a ${n}`);
  }
}
class BcError extends coded(PackageError, 'ERR_B' as 'ERR_B' | 'ERR_C') {}
class CError extends coded(BcError, 'ERR_C') {}

test('the static and the instance code are the literal of their class; the base has the union', () => {
  expectTypeOf<typeof AError.code>().toEqualTypeOf<'ERR_A'>();
  expectTypeOf<AError['code']>().toEqualTypeOf<'ERR_A'>();
  expectTypeOf<typeof CError.code>().toEqualTypeOf<'ERR_C'>();
  expectTypeOf<CError['code']>().toEqualTypeOf<'ERR_C'>();
  expectTypeOf<BcError['code']>().toEqualTypeOf<'ERR_B' | 'ERR_C'>();
  expectTypeOf<PackageError['code']>().toEqualTypeOf<Code>();
  expectTypeOf<AError>().toExtend<PackageError>();
});

test('constructors keep their parameters; a coded class without one takes its base’s', () => {
  expectTypeOf(AError).constructorParameters.toEqualTypeOf<[n: number]>();
  expectTypeOf(BcError).constructorParameters.toEqualTypeOf<[message: string, options?: CauseOptions | undefined, code?: Code | undefined]>();
});

test('a code outside the base’s union does not compile', () => {
  // @ts-expect-error not one of Code
  coded(PackageError, 'ERR_D');
  // @ts-expect-error not one of BcError's codes
  coded(BcError, 'ERR_A');
});
