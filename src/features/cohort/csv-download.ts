/**
 * CSV export of the dashboard's tables: each table through `toCsv` (Papa Parse), saved as a file
 * named after the table and the day, e.g. `cohort-heat-map-2026-11-29.csv`. A byte-order mark leads
 * the file so that spreadsheets open Chinese names as UTF-8.
 */
import { toCsv, type CohortTable } from '../../domain/cohort/cohort-tables';
import { localDay } from './cohort-filters';

const BOM = '\uFEFF';
/** Browsers ask before a page starts several downloads at once; a short gap keeps them in order. */
const GAP_MS = 250;

export function csvFileName(table: CohortTable, now: number): string {
  return `cohort-${table.name}-${localDay(now)}.csv`;
}

/** The file's content: the CSV text behind a byte-order mark. */
export function csvBlob(table: CohortTable): Blob {
  return new Blob([BOM + toCsv(table)], { type: 'text/csv;charset=utf-8' });
}

/** Saves one table as a CSV file through a temporary `<a download>`. */
export function downloadCsv(table: CohortTable, now = Date.now()): void {
  const url = URL.createObjectURL(csvBlob(table));
  const a = document.createElement('a');
  a.href = url;
  a.download = csvFileName(table, now);
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves every table, one file each, one after another. Returns a function that stops what is left. */
export function downloadAll(tables: readonly CohortTable[], now = Date.now()): () => void {
  const timers = tables.map((table, i) => setTimeout(() => downloadCsv(table, now), i * GAP_MS));
  return () => timers.forEach(clearTimeout);
}
