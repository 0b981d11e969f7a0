import type { Diagnostic } from './types.js';

/**
 * A diagnostic as a compiler would print it: `file:line:column: error: message`, then the hint on
 * an indented line. Without a location: `error: message`.
 *
 * @example formatDiagnostic({severity: 'error', message: "unknown key 'capabilty' in actors.gov",
 *   hint: "did you mean 'capability'?", loc: {file: 'a.yaml', line: 7, column: 5}})
 * // "a.yaml:7:5: error: unknown key 'capabilty' in actors.gov\n  hint: did you mean 'capability'?"
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.column}: ` : '';
  const head = `${where}${d.severity}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** Order for display: by file, line, column; unlocated ones first (they concern the whole file). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (!a.loc || !b.loc) return (a.loc ? 1 : 0) - (b.loc ? 1 : 0);
  return a.loc.file.localeCompare(b.loc.file) || a.loc.line - b.loc.line || a.loc.column - b.loc.column;
}
