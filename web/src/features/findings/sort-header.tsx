/**
 * A column header that sorts the list: the first click sorts by its natural order (e.g. critical
 * first, newest first), the next one reverses it. aria-sort tells screen readers the current order.
 */
export function SortHeader({ label, field, natural, sort, onSort, className }: {
  label: string;
  /** The API's sort key without direction: severity, title, lastSeen, firstSeen. */
  field: string;
  /** The direction of the first click. */
  natural: 'asc' | 'desc';
  sort: string;
  onSort: (sort: string) => void;
  className?: string;
}) {
  const current = sort === field ? 'asc' : sort === `-${field}` ? 'desc' : null;
  const next = current === null ? natural : current === 'asc' ? 'desc' : 'asc';
  const ariaSort = current === null ? 'none' : current === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(next === 'desc' ? `-${field}` : field)}>
        {label}
        <span className="sort-arrow" aria-hidden="true">{current === 'asc' ? '▲' : current === 'desc' ? '▼' : '↕'}</span>
      </button>
    </th>
  );
}
