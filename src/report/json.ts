/**
 * JSON for people and programs alike: indented objects, with every array of plain values on one
 * line (a long trajectory stays one line per step), and in an array every flat record (an object
 * of plain values: a case's row, a search's trace point) on one line of its own.
 */
export function formatJson(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.every(isLeaf)) return JSON.stringify(value);
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + (isFlatRecord(v) ? JSON.stringify(v) : write(v, inner))).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isLeaf(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function isFlatRecord(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isLeaf);
}
