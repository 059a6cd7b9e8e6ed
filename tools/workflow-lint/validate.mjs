// usage: node --import ./register.mjs validate.mjs FILE...
// Every diagnostic fails the run: the service gives them no reliable severity (ANCHORS §1).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validate } from '@actions/languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scriptInjections, unpinnedActions, yamlFences } from './checks.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: validate.mjs FILE...');
  process.exit(2);
}
let problems = 0;
function houseRules(file, text, lineOffset = 0) {
  let found = 0;
  for (const hit of scriptInjections(text)) {
    found++;
    console.log(`${file}:${hit.line + lineOffset}:1: ${hit.text} inside run: (pass it through env: and read "$VAR")`);
  }
  for (const hit of unpinnedActions(text)) {
    found++;
    console.log(`${file}:${hit.line + lineOffset}:1: ${hit.text} is not pinned by a full commit SHA`);
  }
  return found;
}

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  let found = 0;
  if (file.endsWith('.md')) {
    // README examples are copied into users' workflows: they follow the same rules.
    for (const fence of yamlFences(text)) found += houseRules(file, fence.text, fence.startLine);
  } else {
    const uri = pathToFileURL(resolve(file)).href;
    const diagnostics = await validate(TextDocument.create(uri, 'yaml', 1, text));
    for (const d of diagnostics) {
      found++;
      console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
    }
    found += houseRules(file, text);
  }
  problems += found;
  if (found === 0) console.log(`ok - ${file}`);
}
console.log(`workflow-lint: ${files.length} files, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
