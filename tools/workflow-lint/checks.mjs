// House rules GitHub's parser does not check (issue 9 §8, CVE-2025-30066):
// - no ${{ }} of step outputs, needs outputs, matrix values, inputs, env or event text inside `run:`: the
//   runner pastes the text into the script before the shell reads it, so a value becomes code. Pass it
//   through `env:` and read "$VAR" instead;
// - third-party actions pinned by a full 40-hex commit SHA (tags can be re-pointed).

const UNSAFE = /\$\{\{[^}]*\b(steps\.|needs\.|matrix\.|inputs\.|env\.|github\.event\b|github\.head_ref)[^}]*\}\}/g;

/** Lines of `run:` scripts that interpolate untrusted expressions: [{ line, text }]. */
export function scriptInjections(text) {
  const lines = text.split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:-\s+)?run:\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length;
    const body = [[i, m[2]]];
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(m[2].trim())) {
      // A block scalar: every following line indented deeper than the key (blank lines included).
      for (let j = i + 1; j < lines.length; j++) {
        const l = lines[j];
        if (l.trim() !== '' && l.length - l.trimStart().length <= indent) break;
        body.push([j, l]);
      }
    }
    for (const [n, l] of body) {
      for (const hit of l.matchAll(UNSAFE)) found.push({ line: n + 1, text: hit[0] });
    }
  }
  return found;
}

/** `uses:` of a repository action that is not pinned by a full commit SHA: [{ line, text }]. */
export function unpinnedActions(text) {
  const found = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)/.exec(l);
    // Our own actions in the READMEs' examples name the release tag users pin (the README says to pin a SHA).
    if (!m || m[1].startsWith('./') || m[1].startsWith('docker://') || m[1].startsWith('bookiji/bookiji-actions/')) return;
    if (!/@[0-9a-f]{40}$/.test(m[1])) found.push({ line: i + 1, text: m[1] });
  });
  return found;
}

/** The YAML code fences of a Markdown file, as [{ startLine, text }] (line numbers of the file). */
export function yamlFences(markdown) {
  const fences = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j])) j++;
    fences.push({ startLine: start, text: lines.slice(start, j).join('\n') });
    i = j;
  }
  return fences;
}
