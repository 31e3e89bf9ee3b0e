/**
 * What the SQLite and PostgreSQL stores check and filter alike, kept in one place so the two cannot drift apart:
 * the page size option, the leaf-hash row range and the columns a row filter compares.
 */
import type { RowFilter } from './store.ts';

const DEFAULT_PAGE_SIZE = 500;

/** Rows fetched per query while streaming `rows()`: the option, or the default. */
export function pageSizeOf(pageSize: number | undefined): number {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new RangeError('audit store: pageSize must be a positive integer');
  return size;
}

export function checkRange(from: number, to: number): void {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from) {
    throw new RangeError(`audit store: invalid row range [${from}, ${to})`);
  }
}

/** A short answer means the caller asked past the end: a proof built from it would be wrong, so say so. */
export function checkAllRows(found: number, from: number, to: number): void {
  if (found !== to - from) throw new RangeError(`audit store: rows [${from}, ${to}) are not all in the log`);
}

/** The filter's comparisons, in a fixed order; the seq cursor is added by each store's pager. */
export function filterTerms(filter: RowFilter): { column: string; operator: string; value: string | number }[] {
  const terms: { column: string; operator: string; value: string | number | undefined }[] = [
    { column: 'seq', operator: '<', value: filter.toSeq },
    { column: 'tenant', operator: '=', value: filter.tenant },
    { column: 'kind', operator: '=', value: filter.kind },
    // Times are UTC ISO 8601 strings, which order correctly as text.
    { column: 'time', operator: '>=', value: filter.since },
    { column: 'time', operator: '<', value: filter.until },
  ];
  return terms.filter((term): term is { column: string; operator: string; value: string | number } => term.value !== undefined);
}
