import { productsApi } from '../api/products.ts';
import { useResource } from '../api/use-resource.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { ProductCreateForm } from '../features/products/product-create-form.tsx';
import { ProductRow } from '../features/products/product-row.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function ProductsPage() {
  const role = useRole();
  const products = useResource(() => productsApi.list(), []);
  const canWrite = role === 'admin' || role === 'lead';
  const items = products.data?.items ?? [];

  return (
    <>
      <PageHeader title="Products" subtitle="The products and AI systems whose surface is split into zones." />
      <ProblemAlert error={products.error} title="Could not load products" />
      <div className={canWrite ? 'detail-grid aside-last' : undefined}>
        <div className="detail-main">
          {products.loading && !products.data && <Loading />}
          {products.data && items.length === 0 && (
            <EmptyState title="No products yet">{canWrite && <p>Create the first one with the form.</p>}</EmptyState>
          )}
          {items.length > 0 && (
            <ul className="product-list">
              {items.map((p) => (
                <ProductRow key={p.id} product={p} canEdit={canWrite}
                  onSaved={(saved) => products.setData({ items: items.map((x) => (x.id === saved.id ? saved : x)) })} />
              ))}
            </ul>
          )}
        </div>
        {canWrite && (
          <aside className="detail-aside">
            <ProductCreateForm onCreated={() => products.reload()} />
          </aside>
        )}
      </div>
    </>
  );
}
