// Structural checks on the YAML as loaded (issue findings 5 and 6): what the runner receives in `run:` must parse
// as the shell's script, and steps using this project's actions (./actions/<name> or
// <owner>/bookiji-actions/actions/<name>@<ref>) must match the actions' metadata: declared and required inputs,
// declared outputs. They work on full workflows and on the READMEs' snippets (a list of steps, a job, a map of jobs).
// Kept apart from checks.mjs, which needs no npm package.

import { readdirSync, readFileSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { LineCounter, parse, parseDocument, isMap, isSeq, isScalar } from 'yaml';

/** The metadata of every <dir>/<name>/action.yml: Map name → { inputs: Map name → { required, hasDefault }, outputs: Set }. */
export function loadActionMetadata(dir) {
  const actions = new Map();
  if (!existsSync(dir)) return actions;
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'action.yml');
    if (!existsSync(file)) continue;
    const meta = parse(readFileSync(file, 'utf8')) ?? {};
    const inputs = new Map();
    for (const [input, spec] of Object.entries(meta.inputs ?? {})) {
      inputs.set(input, {
        required: spec?.required === true || String(spec?.required).toLowerCase() === 'true',
        hasDefault: spec != null && Object.hasOwn(spec, 'default'),
      });
    }
    actions.set(name, { inputs, outputs: new Set(Object.keys(meta.outputs ?? {})) });
  }
  return actions;
}

/** The name of this project's action a `uses:` refers to, or undefined for any other action. */
export function ownActionName(uses) {
  const m = /^\.\/actions\/([\w.-]+)\/?$/.exec(uses) ?? /^[\w.-]+\/bookiji-actions\/actions\/([\w.-]+)@\S+$/i.exec(uses);
  return m?.[1];
}

function levenshtein(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** "; did you mean 'x'?" for the closest of names within 2 edits (case ignored), else "". */
function suggestion(word, names) {
  let best, bestDistance = 3;
  for (const name of names) {
    const d = levenshtein(word.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best === undefined ? '' : `; did you mean '${best}'?`;
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const STEP_OUTPUT = /\bsteps\.([A-Za-z_][\w-]*)\.outputs(?:\.([A-Za-z_][\w-]*)|\[\s*'([^']+)'\s*\])/gi;
const NEEDS_OUTPUT = /\bneeds\.([A-Za-z_][\w-]*)\.outputs(?:\.([A-Za-z_][\w-]*)|\[\s*'([^']+)'\s*\])/gi;

function pairOf(map, key) {
  return isMap(map) ? map.items.find(p => isScalar(p.key) && p.key.value === key) : undefined;
}
function valueOf(map, key) {
  return pairOf(map, key)?.value ?? undefined;
}
function stringOf(map, key) {
  const v = valueOf(map, key);
  return isScalar(v) && v.value != null ? String(v.value) : undefined;
}
const looksLikeJob = node => isMap(node) && ['steps', 'runs-on', 'uses'].some(k => pairOf(node, k));

/**
 * The jobs of a loaded document, each { name, node, steps: [map] }: a workflow's jobs, a map of jobs, one job
 * (a map with steps:) or a bare list of steps (one anonymous job). Empty for anything else.
 */
function jobsOf(root) {
  const stepsOf = node => (isSeq(node) ? node.items.filter(isMap) : []);
  if (isSeq(root)) return [{ name: undefined, node: root, steps: stepsOf(root) }];
  if (!isMap(root)) return [];
  if (pairOf(root, 'steps')) return [{ name: undefined, node: root, steps: stepsOf(valueOf(root, 'steps')) }];
  const jobs = isMap(valueOf(root, 'jobs')) ? valueOf(root, 'jobs') : root;
  return jobs.items
    .filter(p => isScalar(p.key) && looksLikeJob(p.value))
    .map(p => ({ name: String(p.key.value), node: p.value, steps: stepsOf(valueOf(p.value, 'steps')) }));
}

/** Every string scalar under node, with the key it is the value of (for items of a sequence: the sequence's key). */
function* strings(node, key) {
  if (isMap(node)) {
    for (const p of node.items) yield* strings(p.value, isScalar(p.key) ? String(p.key.value) : undefined);
  } else if (isSeq(node)) {
    for (const item of node.items) yield* strings(item, key);
  } else if (isScalar(node) && typeof node.value === 'string') {
    yield { node, key };
  }
}

/** The expressions of a string: the insides of its ${{ }}; an if: without ${{ }} is an expression as a whole. */
function expressionsOf(value, key) {
  if (key === 'if' && !value.includes('${{')) return [value];
  return [...value.matchAll(EXPRESSION)].map(m => m[1]);
}

/** The shell a run: step uses, as far as this check cares: 'bash', 'sh' or undefined (another or unknown shell). */
function shellOf(step, job, root) {
  const defaultsShell = node => stringOf(valueOf(valueOf(node, 'defaults'), 'run'), 'shell');
  const shell = stringOf(step, 'shell') ?? (job && defaultsShell(job)) ?? (isMap(root) ? defaultsShell(root) : undefined);
  if (shell === undefined) {
    // No shell: bash (sh when bash is missing), except on Windows runners (pwsh).
    const runsOn = job ? valueOf(job, 'runs-on') : undefined;
    const labels = isSeq(runsOn) ? runsOn.items.map(i => String(i?.value ?? '')) : isScalar(runsOn) ? [String(runsOn.value ?? '')] : [];
    return labels.some(l => /windows/i.test(l)) ? undefined : 'bash';
  }
  if (shell.includes('${{')) return undefined;
  const program = shell.trim().split(/\s+/)[0].split('/').pop();
  return program === 'bash' || program === 'sh' ? program : undefined;
}

/** bash -n over a script: undefined when it parses, else { line (1-based, of the script), message }. */
function bashSyntaxError(script, tempDir) {
  // The runner pastes ${{ }} in before the shell reads the script: a placeholder word stands for each value
  // (keeping the lines an expression spans, so line numbers still match).
  const text = script.replace(EXPRESSION, m => '__EXPR__' + '\n'.repeat(m.split('\n').length - 1));
  const file = join(tempDir, 'run.sh');
  writeFileSync(file, text);
  // extglob: a script may enable it with shopt before using it, which bash -n does not execute.
  const result = spawnSync('bash', ['-O', 'extglob', '-n', file], { encoding: 'utf8' });
  if (result.error) return { line: 1, message: `bash could not be run (${result.error.message})` };
  if (result.status === 0) return undefined;
  const first = result.stderr.split('\n').find(l => l.trim() !== '') ?? `bash -n exited with ${result.status}`;
  const m = /^.*?: line (\d+): (.*)$/.exec(first);
  return m ? { line: Number(m[1]), message: m[2] } : { line: 1, message: first.replace(file + ': ', '') };
}

/**
 * The structural problems of a YAML text (a workflow or a README snippet): [{ line, col, message }], positions
 * 1-based within text. actions: loadActionMetadata(). parserChecked: GitHub's parser has validated the text as a
 * workflow (it reports YAML errors and needs.<job>.outputs itself; they are not repeated here).
 */
export function structuralProblems(text, actions, { parserChecked = false } = {}) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const problems = [];
  const at = (offset, message) => problems.push({ ...lineCounter.linePos(offset ?? 0), message });
  if (doc.errors.length > 0) {
    if (!parserChecked) for (const e of doc.errors) at(e.pos?.[0], `does not load as YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    return problems;
  }
  const root = doc.contents;
  const jobs = jobsOf(root);
  const jobOutputs = new Map(); // job name (lower case) → Set of output names (lower case), or null when not declared
  for (const job of jobs) {
    if (job.name === undefined || pairOf(job.node, 'uses')) continue; // a reusable workflow's outputs are its own
    const outputs = valueOf(job.node, 'outputs');
    jobOutputs.set(job.name.toLowerCase(), isMap(outputs) ? new Set(outputs.items.map(p => String(p.key?.value).toLowerCase())) : null);
  }
  let tempDir;
  try {
    for (const job of jobs) {
      const ownSteps = new Map(); // step id (lower case) → { name, meta } of steps using one of our actions
      for (const step of job.steps) {
        const uses = valueOf(step, 'uses');
        const run = valueOf(step, 'run');
        if (isScalar(uses) && typeof uses.value === 'string') {
          const name = ownActionName(uses.value.trim());
          if (name === undefined) continue;
          const meta = actions.get(name);
          if (meta === undefined) {
            at(uses.range[0], `${uses.value}: there is no action '${name}' in actions/${suggestion(name, actions.keys())}`);
            continue;
          }
          const id = stringOf(step, 'id');
          if (id !== undefined) ownSteps.set(id.toLowerCase(), { name, meta });
          const withNode = valueOf(step, 'with');
          const given = new Set();
          if (isMap(withNode)) {
            for (const p of withNode.items) {
              const key = String(p.key?.value);
              given.add(key);
              if (!meta.inputs.has(key)) {
                at(p.key?.range?.[0], `with: ${key}: ${name} has no input '${key}'${suggestion(key, meta.inputs.keys())}`);
              }
            }
          }
          for (const [input, spec] of meta.inputs) {
            if (spec.required && !spec.hasDefault && !given.has(input)) {
              at(uses.range[0], `with: ${name} requires input '${input}' (required: true, no default)`);
            }
          }
        } else if (isScalar(run) && typeof run.value === 'string') {
          if (run.type === 'PLAIN') {
            // What follows the loaded value on its (last) line: a comment there was meant as part of the script.
            const hash = /^[ \t]+#/.exec(text.slice(run.range[1]).split('\n', 1)[0]);
            if (hash) {
              at(run.range[1] + hash[0].length - 1,
                `run: \` #\` starts a YAML comment here; the runner receives '${run.value}' (use a block scalar: run: |)`);
            }
          }
          const shell = shellOf(step, isMap(job.node) ? job.node : undefined, root);
          if (shell !== undefined && run.value.trim() !== '') {
            tempDir ??= mkdtempSync(join(tmpdir(), 'workflow-lint-'));
            const error = bashSyntaxError(run.value, tempDir);
            if (error) {
              // A block scalar's script starts on the line after its header; other scalars on the key's line.
              const start = lineCounter.linePos(run.range[0]).line + (run.type?.startsWith('BLOCK') ? 0 : -1);
              problems.push({ line: start + error.line, col: 1, message: `run: script does not parse as bash: ${error.message}` });
            }
          }
        }
      }
      // References to outputs anywhere in the job (job outputs:, env:, with:, if:, run:).
      for (const { node, key } of strings(job.node, undefined)) {
        for (const expression of expressionsOf(node.value, key)) {
          const where = ref => {
            const source = text.slice(node.range[0], node.range[1]);
            const i = source.indexOf(ref);
            return node.range[0] + (i === -1 ? 0 : i);
          };
          for (const m of expression.matchAll(STEP_OUTPUT)) {
            const own = ownSteps.get(m[1].toLowerCase());
            const output = m[2] ?? m[3];
            if (own && ![...own.meta.outputs].some(o => o.toLowerCase() === output.toLowerCase())) {
              at(where(m[0]), `${m[0]}: ${own.name} has no output '${output}'${suggestion(output, own.meta.outputs)}`);
            }
          }
          if (parserChecked) continue;
          for (const m of expression.matchAll(NEEDS_OUTPUT)) {
            const jobName = m[1].toLowerCase();
            const output = m[2] ?? m[3];
            if (!jobOutputs.has(jobName)) continue; // a job outside the snippet
            const declared = jobOutputs.get(jobName);
            if (declared === null) at(where(m[0]), `${m[0]}: job '${m[1]}' declares no outputs:`);
            else if (!declared.has(output.toLowerCase())) {
              at(where(m[0]), `${m[0]}: job '${m[1]}' has no output '${output}'${suggestion(output, declared)}`);
            }
          }
        }
      }
    }
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Whether a loaded snippet is a full workflow (GitHub's parser can validate it): a map with on: and jobs:. */
export function isFullWorkflow(text) {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isMap(doc.contents) && !!pairOf(doc.contents, 'on') && !!pairOf(doc.contents, 'jobs');
}
