/**
 * Sorting the report's tables when a header's button is clicked: numbers by their exact value
 * (`data-v`, written by table.ts), text by its content; missing values (no data-v, shown as a
 * dash) sort last whichever the direction. Rows are moved, never rebuilt.
 */

type SortKind = 'num' | 'text';

interface Keyed {
  row: HTMLTableRowElement;
  i: number;
  key: string | number | null;
}

function sortKey(cell: HTMLTableCellElement | undefined, kind: SortKind): string | number | null {
  if (!cell) return null;
  if (kind === 'num') {
    const v = cell.getAttribute('data-v');
    return v === null ? null : Number(v);
  }
  return (cell.textContent ?? '').trim();
}

function compareKeys(a: string | number, b: string | number, kind: SortKind): number {
  if (kind === 'num') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

function nextDirection(current: string | null, kind: SortKind): 'ascending' | 'descending' {
  if (current === 'descending') return 'ascending';
  if (current === 'ascending') return 'descending';
  return kind === 'num' ? 'descending' : 'ascending';
}

function sortBy(table: HTMLTableElement, th: HTMLElement, button: HTMLElement): void {
  const col = Number(button.getAttribute('data-col'));
  const kind = button.getAttribute('data-kind') as SortKind;
  const direction = nextDirection(th.getAttribute('aria-sort'), kind);
  Array.from(table.tHead?.rows[0]?.cells ?? []).forEach((h) => h.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', direction);
  const body = table.tBodies[0] as HTMLTableSectionElement;
  const rows: Keyed[] = Array.from(body.rows, (row, i) => ({ row, i, key: sortKey(row.cells[col], kind) }));
  rows.sort((a, b) => {
    if (a.key === null || b.key === null) return Number(a.key === null) - Number(b.key === null) || a.i - b.i;
    const c = compareKeys(a.key, b.key, kind);
    return (direction === 'ascending' ? c : -c) || a.i - b.i;
  });
  rows.forEach((r) => body.appendChild(r.row));
}

export function makeTablesSortable(): void {
  document.querySelectorAll<HTMLTableElement>('table.sortable').forEach((table) => {
    table.querySelectorAll<HTMLElement>('thead button.sort').forEach((button) => {
      button.addEventListener('click', () => sortBy(table, button.parentElement as HTMLElement, button));
    });
  });
}
