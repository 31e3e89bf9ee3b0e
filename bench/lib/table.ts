/** A plain text table for benchmark output: padded columns, the first left-aligned, the others right-aligned. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : c.padStart(widths[i] as number))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

/** A whole number with thousands separators. */
export const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');
