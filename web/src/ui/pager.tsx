/** Previous/next paging for lists whose total the server does not give (it tells only whether more follow). */
export function Pager({ page, hasMore, shown, onPage, noun }: {
  page: number;
  hasMore: boolean;
  shown: number;
  onPage: (page: number) => void;
  noun: [singular: string, plural: string];
}) {
  return (
    <nav className="pagination" aria-label="Pages">
      <p className="muted" aria-live="polite">
        {shown === 0 ? `No ${noun[1]}` : `Page ${page}: ${shown} ${shown === 1 ? noun[0] : noun[1]}`}
      </p>
      {(page > 1 || hasMore) && (
        <div className="pagination-buttons">
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>← Newer</button>
          <button type="button" className="btn btn-small" disabled={!hasMore} onClick={() => onPage(page + 1)}>Older →</button>
        </div>
      )}
    </nav>
  );
}
