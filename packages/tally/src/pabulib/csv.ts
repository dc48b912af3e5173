/**
 * The `;`-separated CSV dialect of .pb files. A `"` toggles quoting and is dropped (as Python's
 * csv module and the equalshares.net parser do, so stray quotes in free text never fail a file);
 * inside quotes `""` is one literal `"` and `;` is literal.
 */
export function splitRecord(line: string): string[] {
  if (!line.includes('"')) return line.split(';');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (ch === ';' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}

/** Quotes a cell when it holds `;` or `"`, or would otherwise not read back as itself. */
export function quoteCell(value: string): string {
  if (value.includes('\n') || value.includes('\r')) {
    throw new Error(`a .pb cell cannot contain a line break: ${JSON.stringify(value.slice(0, 40))}`);
  }
  if (/[;"]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function joinRecord(cells: readonly string[]): string {
  return cells.map(quoteCell).join(';');
}
