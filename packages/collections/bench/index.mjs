// `npm run bench -w @scalable-ts/collections`: runs every scenario of scenarios.mjs in a fresh
// Node process (with --expose-gc, for the memory rows) and prints one table of ratios, each
// against its target, "met" or "MISSED". `node --expose-gc bench/index.mjs <id>…` runs some.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { scenarios } from './scenarios.mjs';

const scenarioFile = fileURLToPath(new URL('./scenarios.mjs', import.meta.url));
const only = process.argv.slice(2);
const chosen = scenarios.filter((scenario) => only.length === 0 || only.includes(scenario.id));

console.log(`@scalable-ts/collections benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`);
console.log('Each row: medians of alternating rounds in one fresh process; speed = their time / our time.\n');

const rows = [];
for (const scenario of chosen) {
  process.stderr.write(`  running ${scenario.id}…\n`);
  const output = execFileSync(process.execPath, ['--expose-gc', scenarioFile, scenario.id], { encoding: 'utf8' });
  rows.push({ benchmark: scenario.label, ...JSON.parse(output.trim().split('\n').at(-1)) });
}

const columns = ['benchmark', 'ours', 'baseline', 'ratio', 'target', 'result'];
const cells = rows.map((row) => ({ ...row, result: row.met ? 'met' : 'MISSED' }));
const widths = columns.map((column) => Math.max(column.length, ...cells.map((row) => String(row[column]).length)));
const line = (values) => `| ${values.map((value, i) => String(value).padEnd(widths[i])).join(' | ')} |`;
console.log(line(columns));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of cells) console.log(line(columns.map((column) => row[column])));
const met = cells.filter((row) => row.met).length;
console.log(`\n${met} of ${cells.length} targets met${met === cells.length ? '' : '; see MISSED rows'}.`);
