/**
 * A lease's ledger as CSV (RFC 4180: CRLF line ends, fields quoted only when they hold a comma,
 * quote or line break), for `/audit/leases/:id/export?format=csv`: one header row, then one row
 * per event, oldest first. Amounts stay integer cents, as in the JSON.
 */

import type { LedgerEvent } from './ledger-store.js';

export const LEDGER_CSV_COLUMNS = [
  'event_id',
  'lease_id',
  'seq',
  'type',
  'at',
  'amount_cents',
  'balance_cents',
  'status',
  'payments_made',
  'note',
] as const;

export function ledgerToCsv(events: readonly LedgerEvent[]): string {
  const lines = [LEDGER_CSV_COLUMNS.join(',')];
  for (const e of events) {
    lines.push(
      [
        e.id,
        e.leaseId,
        String(e.seq),
        csvField(e.type),
        e.at,
        e.amountCents === null ? '' : String(e.amountCents),
        String(e.balanceCents),
        e.status,
        String(e.paymentsMade),
        e.note === null ? '' : csvField(e.note),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
