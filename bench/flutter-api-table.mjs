// Cost of loading QA's Flutter API table (src/pipeline/qa/flutter-api/flutter-api.json): the first
// load in a fresh process (read + JSON.parse + building the name sets and signatures, what the first QA
// run of a worker pays) and a re-parse of the already-read JSON, median of 7 fresh processes each.
// Needs a build: `npx nest build && node bench/flutter-api-table.mjs`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const modulePath = fileURLToPath(new URL('../dist/pipeline/qa/flutter-api/flutter-api-table.js', import.meta.url));
const child = `
const t0 = process.hrtime.bigint();
const api = require(${JSON.stringify(modulePath)});
const table = api.flutterApiTable();
const first = Number(process.hrtime.bigint() - t0) / 1e6;
const raw = require(${JSON.stringify(modulePath.replace(/flutter-api-table\.js$/, 'flutter-api.json'))});
const t1 = process.hrtime.bigint();
api.parseFlutterApiTable(raw);
const again = Number(process.hrtime.bigint() - t1) / 1e6;
let names = 0;
for (const lib of table.libraries.values()) names += lib.names.size;
console.log(JSON.stringify({ first, again, libraries: table.libraries.size, names }));
`;
const runs = [];
for (let i = 0; i < 7; i++) runs.push(JSON.parse(execFileSync(process.execPath, ['-e', child], { encoding: 'utf8' })));
const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[3];
const { libraries, names } = runs[0];
console.log(`Flutter API table: ${libraries} libraries, ${names} names`);
console.log(`first load in a fresh process  median ${median('first').toFixed(2)} ms`);
console.log(`parse of the read JSON         median ${median('again').toFixed(2)} ms`);
