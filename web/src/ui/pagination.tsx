export function Pagination({ total, limit, offset, onPage, noun }: {
  total: number;
  limit: number;
  offset: number;
  onPage: (page: number) => void;
  noun: [singular: string, plural: string];
}) {
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label="Pages">
      <p className="muted" aria-live="polite">
        {total === 0 ? `No ${noun[1]}` : `${first}–${last} of ${total} ${total === 1 ? noun[0] : noun[1]}`}
      </p>
      {pages > 1 && (
        <div className="pagination-buttons">
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            ← Previous
          </button>
          <span className="small">Page {page} of {pages}</span>
          <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            Next →
          </button>
        </div>
      )}
    </nav>
  );
}
