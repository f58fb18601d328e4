import { useState } from 'react';
import type { QueueItem } from '../../../src/contracts/queue.ts';
import { queueApi } from '../api/queue.ts';
import { useAction } from '../api/use-action.ts';
import { useResource } from '../api/use-resource.ts';
import { useNavCounts } from '../features/queue/nav-counts.tsx';
import { QueueList } from '../features/queue/queue-list.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function QueuePage() {
  const queue = useResource(() => queueApi.get(), []);
  const counts = useNavCounts();
  const markRead = useAction(queueApi.markRead);
  const [pending, setPending] = useState<string>();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const data = queue.data;

  async function read(items: readonly QueueItem[]) {
    for (const item of items) {
      setPending(item.id);
      await markRead.run(item.id);
    }
    setPending(undefined);
    queue.reload();
    counts.refresh();
  }

  const shown = data ? data.items.filter((q) => !unreadOnly || !q.readAt) : [];
  const unread = data?.items.filter((q) => !q.readAt) ?? [];
  return (
    <>
      <PageHeader title="My queue" subtitle="What Keel asks you to look at: findings that came back in zones you own."
        actions={unread.length > 1 && (
          <button type="button" className="btn" disabled={pending !== undefined} onClick={() => void read(unread)}>Mark all read</button>
        )} />
      <ProblemAlert error={queue.error} title="Could not load your queue" />
      <ProblemAlert error={markRead.error} title="Could not mark it read" />
      {queue.loading && !data && <Loading label="Loading your queue…" />}
      {data && (
        <>
          <div className="list-bar">
            <p className="list-count" aria-live="polite">{data.unread} unread</p>
            <label className="checkbox">
              <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
            </label>
          </div>
          {shown.length === 0 ? (
            <EmptyState title={unreadOnly ? 'Nothing unread' : 'Your queue is empty'}>
              <p>When a finding in a zone you own regresses, it shows up here.</p>
            </EmptyState>
          ) : <QueueList items={shown} pending={pending} onRead={(q) => void read([q])} />}
        </>
      )}
    </>
  );
}
