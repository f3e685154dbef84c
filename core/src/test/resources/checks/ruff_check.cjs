// Lints Python files with Ruff's WebAssembly build (npm @astral-sh/ruff-wasm-nodejs).
// Usage: node ruff_check.cjs MODULE_DIR SELECT(comma-separated) FILE...
// Prints one JSON line per file: {"file": ..., "diagnostics": [{"code", "message", "row"}]}.
const path = require("path");
const fs = require("fs");
const [moduleDir, select, ...files] = process.argv.slice(2);
const ruff = require(path.resolve(moduleDir));
const workspace = new ruff.Workspace(
  { "line-length": 120, lint: { select: select.split(","), preview: true } },
  ruff.PositionEncoding.UTF16,
);
for (const file of files) {
  const diagnostics = workspace.check(fs.readFileSync(file, "utf8")).map((d) => ({
    code: d.code,
    message: d.message,
    row: d.start_location ? d.start_location.row : null,
  }));
  console.log(JSON.stringify({ file, diagnostics }));
}
console.log(JSON.stringify({ version: ruff.Workspace.version() }));
