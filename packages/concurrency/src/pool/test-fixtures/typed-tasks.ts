// A TypeScript task module: loaded in child processes through tsx (see process-pool.test.ts).
export function double(n: number): number {
  return n * 2;
}
