import { Link } from 'react-router-dom';
import { EmptyState } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing at this address."><p><Link to="/zones">Go to the zones</Link></p></EmptyState>
    </>
  );
}
