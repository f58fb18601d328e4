import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { productsApi } from '../api/products.ts';
import { useResource } from '../api/use-resource.ts';
import { RequireRole } from '../features/auth/require-session.tsx';
import { useRole } from '../features/auth/session-context.tsx';
import { useMembers } from '../features/users/use-members.ts';
import { ZoneCreateForm } from '../features/zones/zone-create-form.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function ZoneNewPage() {
  const role = useRole();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const products = useResource(() => productsApi.list(), []);
  const members = useMembers();
  return (
    <>
      <p className="breadcrumb"><Link to="/zones">← Zones</Link></p>
      <PageHeader title="New zone" subtitle="A part of the product surface with one accountable owner." />
      <RequireRole allowed={['lead', 'admin']} role={role}>
        <ProblemAlert error={products.error ?? members.error} />
        {(products.loading || members.loading) && <Loading />}
        {products.data && members.data && (products.data.items.length === 0 ? (
          <EmptyState title="Create a product first">
            <p>Zones belong to a product. <Link to="/products">Add a product</Link>, then come back.</p>
          </EmptyState>
        ) : (
          <ZoneCreateForm products={products.data.items} members={members.data.items}
            initialProduct={params.get('product') ?? ''}
            onCreated={(z) => navigate(`/zones/${encodeURIComponent(z.key)}`)} />
        ))}
      </RequireRole>
    </>
  );
}
