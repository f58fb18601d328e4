import { Link } from 'react-router-dom';
import { RequireRole } from '../features/auth/require-session.tsx';
import { useRole } from '../features/auth/session-context.tsx';
import { ZoneImportForm } from '../features/zones/zone-import-form.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function ZoneImportPage() {
  const role = useRole();
  return (
    <>
      <p className="breadcrumb"><Link to="/zones">← Zones</Link></p>
      <PageHeader title="Import zones"
        subtitle="Create or update products, zones and owners from a CSV or YAML file, all at once or not at all." />
      <RequireRole allowed={['admin']} role={role}>
        <details className="help">
          <summary>File format</summary>
          <p>CSV: a header row, then one zone a row. Columns (any order): <code>product_key</code>*, <code>product_name</code>,{' '}
            <code>product_description</code>, <code>zone_key</code>, <code>zone_name</code>*, <code>description</code>, <code>tier</code>*{' '}
            (tier1…tier4), <code>buckets</code>* (systemic_integrity, user_wellbeing, data_stewardship separated by <code>;</code>),{' '}
            <code>owner_email</code>*, <code>owner_name</code>, <code>deputy_email</code>, <code>handoff_reason</code>{' '}
            (required when the owner of an existing zone changes).</p>
          <p>YAML: <code>products:</code> a list of products (<code>key</code>, <code>name</code>) each with <code>zones:</code>{' '}
            (<code>name</code>, <code>key</code>, <code>tier</code>, <code>buckets</code>, <code>owner</code>, <code>deputy</code>, <code>handoff_reason</code>).</p>
          <p>Unknown owner emails become lead accounts without a password; set one on the Users page.</p>
        </details>
        <ZoneImportForm />
      </RequireRole>
    </>
  );
}
