// usage: node --import ./register.mjs validate.mjs FILE...
// Every diagnostic fails the run: the service gives them no reliable severity (ANCHORS §1).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validate } from '@actions/languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: validate.mjs FILE...');
  process.exit(2);
}
let problems = 0;
for (const file of files) {
  const uri = pathToFileURL(resolve(file)).href;
  const doc = TextDocument.create(uri, 'yaml', 1, readFileSync(file, 'utf8'));
  const diagnostics = await validate(doc);
  for (const d of diagnostics) {
    problems++;
    console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
  }
  if (diagnostics.length === 0) console.log(`ok - ${file}`);
}
console.log(`workflow-lint: ${files.length} files, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
