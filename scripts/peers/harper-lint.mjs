// Lints every file named on the command line (or every .md in a folder) with harper.js.
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
const files = [];
for (const p of process.argv.slice(2)) {
  if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) files.push(join(p, f));
  else files.push(p);
}
const linter = new LocalLinter({ binary: binaryInlined });
await linter.setup();
let n = 0;
for (const f of files) n += (await linter.lint(readFileSync(f, 'utf8'), { language: 'markdown' })).length;
console.log(`${files.length} files, ${n} lints`);
