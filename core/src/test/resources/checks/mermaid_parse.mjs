// Parses Mermaid diagrams with Mermaid's own parser (npm mermaid, under jsdom).
// Usage: node mermaid_parse.mjs TOOLS_DIR FILE...   (TOOLS_DIR holds node_modules/mermaid)
// Prints one JSON line per file: {"file": ..., "ok": true, "type": ...} or {"ok": false, "error": ...}
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [tools, ...files] = process.argv.slice(2);
const require = createRequire(join(tools, 'package.json'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const core = join(tools, 'node_modules', 'mermaid', 'dist', 'mermaid.core.mjs');
const { default: mermaid } = await import(pathToFileURL(core).href);
mermaid.initialize({ startOnLoad: false });
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  try {
    const result = await mermaid.parse(text);
    console.log(JSON.stringify({ file, ok: true, type: result.diagramType }));
  } catch (e) {
    console.log(JSON.stringify({ file, ok: false, error: String(e.message || e) }));
  }
}
