/* Converts the CDK CLI's summary tables (string[][] with chalk colors) into plain ChangeTables. */
import type { ChangeTable } from './types';

// ESC [ params letter: chalk only emits SGR color codes, but strip any CSI sequence to be safe.
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The text without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_ESCAPE, '');
}

/**
 * A ChangeTable from a library summary whose first row is the header; rows whose first cell is
 * `+`/`-` become added/removed (others are dropped). Undefined when there is no such row.
 */
export function toChangeTable(summary: readonly (readonly string[])[]): ChangeTable | undefined {
  const [header, ...body] = summary.map((row) => row.map((cell) => stripAnsi(String(cell ?? ''))));
  const rows: ChangeTable['rows'] = [];
  for (const cells of body) {
    const marker = cells[0]?.trim();
    if (marker === '+') rows.push({ change: 'added', cells });
    else if (marker === '-') rows.push({ change: 'removed', cells });
  }
  return header && rows.length > 0 ? { headers: header, rows } : undefined;
}
