/** A diagnostic as one line: `file:line: [warning: ]message`. */
import type { Diagnostic } from '../core/types.js';

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}
