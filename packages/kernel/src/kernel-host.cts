/**
 * The kernel process: runs tslab's kernel in this process, and exits as soon as the pipe on its
 * stdin closes. The parent holds the other end, so a kernel never outlives the program that
 * started it, not even one killed by SIGKILL.
 *
 * Usage: node kernel-host.cjs <connection-file> [--js]
 */
const [configPath = '', mode] = process.argv.slice(2);
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

const { startKernel } = require('tslab/dist/main.js') as {
  startKernel(options: { configPath: string; enableFindLocal: boolean; jsKernel: boolean }): void;
};
startKernel({ configPath, enableFindLocal: false, jsKernel: mode === '--js' });
