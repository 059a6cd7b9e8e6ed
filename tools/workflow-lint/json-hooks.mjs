// The language service imports JSON without `with { type: 'json' }`, which plain Node 20 refuses.
// This load hook adds the attribute for .json modules; nothing else changes.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.json')) {
    return nextLoad(url, { ...context, importAttributes: { ...(context.importAttributes ?? {}), type: 'json' } });
  }
  return nextLoad(url, context);
}
