// usage: node --import ./register.mjs validate.mjs [--actions DIR] FILE...
// Every diagnostic fails the run: the service gives them no reliable severity (ANCHORS §1).
//   action.yml         GitHub's parser, house rules;
//   workflows (*.yml)  GitHub's parser, house rules, structural checks (structure.mjs: run: as the runner
//                      receives it, inputs and outputs of this project's actions);
//   Markdown           every ```yaml fence: must load as YAML; house rules and structural checks; GitHub's parser
//                      too when the fence is a full workflow (on: and jobs:).
// --actions DIR: where the actions' <name>/action.yml are read (default: the repository's actions/, found from
// this file's location, whatever the working directory).
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validate } from '@actions/languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scriptInjections, unpinnedActions, yamlFences } from './checks.mjs';
import { isFullWorkflow, loadActionMetadata, structuralProblems } from './structure.mjs';

const args = process.argv.slice(2);
let actionsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../actions');
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--actions') actionsDir = resolve(args[++i] ?? '');
  else if (args[i].startsWith('--actions=')) actionsDir = resolve(args[i].slice('--actions='.length));
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: validate.mjs [--actions DIR] FILE...');
  process.exit(2);
}
const actions = loadActionMetadata(actionsDir);

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

/** GitHub's parser over text (a workflow unless uri names an action.yml). */
async function githubParser(file, uri, text, lineOffset = 0) {
  let found = 0;
  for (const d of await validate(TextDocument.create(uri, 'yaml', 1, text))) {
    found++;
    console.log(`${file}:${d.range.start.line + 1 + lineOffset}:${d.range.start.character + 1}: ${d.message}`);
  }
  return found;
}

function structure(file, text, lineOffset, parserChecked) {
  let found = 0;
  for (const p of structuralProblems(text, actions, { parserChecked })) {
    found++;
    console.log(`${file}:${p.line + lineOffset}:${p.col}: ${p.message}`);
  }
  return found;
}

for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    problems++;
    console.log(`${file}:1:1: cannot read the file (${e.code ?? e.message})`);
    continue;
  }
  const uri = pathToFileURL(resolve(file)).href;
  let found = 0;
  if (file.endsWith('.md')) {
    // README examples are copied into users' workflows: they follow the same rules, and GitHub's parser checks
    // the ones that are whole workflows (a list of steps or a job alone is not one).
    for (const fence of yamlFences(text)) {
      const full = isFullWorkflow(fence.text);
      if (full) found += await githubParser(file, `${uri}.line-${fence.startLine + 1}.yml`, fence.text, fence.startLine);
      found += houseRules(file, fence.text, fence.startLine);
      found += structure(file, fence.text, fence.startLine, full);
    }
  } else {
    found += await githubParser(file, uri, text);
    found += houseRules(file, text);
    if (!/^action\.ya?ml$/i.test(basename(file))) found += structure(file, text, 0, true);
  }
  problems += found;
  if (found === 0) console.log(`ok - ${file}`);
}
console.log(`workflow-lint: ${files.length} files, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
