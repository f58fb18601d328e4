import { useEffect, useState } from 'react';
import type { Product } from '../../../../src/contracts/products.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import { BUCKETS, BUCKET_LABELS, TIERS, TIER_LABELS, TIER_MEANINGS } from './tiers.ts';
import { SORTS, type ZoneFilters as Filters } from './zone-search-params.ts';

interface Props {
  filters: Filters;
  update: (patch: Partial<Filters>) => void;
  clear: () => void;
  active: boolean;
  products: readonly Product[];
  owners: readonly Member[];
}

export function ZoneFilters({ filters, update, clear, active, products, owners }: Props) {
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (text === filters.q) return undefined;
    const t = window.setTimeout(() => update({ q: text }), 300);
    return () => window.clearTimeout(t);
  }, [text, filters.q, update]);

  return (
    <form className="filters" role="search" aria-label="Filter zones" onSubmit={(e) => { e.preventDefault(); update({ q: text }); }}>
      <div className="field filter-search">
        <label htmlFor="zone-q">Search</label>
        <input id="zone-q" type="search" placeholder="Name, key or owner" value={text}
          onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="zone-product">Product</label>
        <select id="zone-product" value={filters.product} onChange={(e) => update({ product: e.target.value })}>
          <option value="">All products</option>
          {products.map((p) => <option key={p.id} value={p.key}>{p.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="zone-tier">Tier</label>
        <select id="zone-tier" value={filters.tier} onChange={(e) => update({ tier: e.target.value })}>
          <option value="">All tiers</option>
          {TIERS.map((t) => <option key={t} value={t}>{TIER_LABELS[t]} · {TIER_MEANINGS[t]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="zone-bucket">Bucket</label>
        <select id="zone-bucket" value={filters.bucket} onChange={(e) => update({ bucket: e.target.value })}>
          <option value="">All buckets</option>
          {BUCKETS.map((b) => <option key={b} value={b}>{BUCKET_LABELS[b]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="zone-owner">Owner</label>
        <select id="zone-owner" value={filters.owner} onChange={(e) => update({ owner: e.target.value })}>
          <option value="">Anyone</option>
          {owners.map((m) => (
            <option key={m.id} value={m.id}>{m.name}{m.status !== 'active' ? ' (deactivated)' : ''}</option>
          ))}
        </select>
      </div>
      {active && (
        <div className="filter-extra">
          <button type="button" className="btn btn-link" onClick={clear}>Clear filters</button>
        </div>
      )}
    </form>
  );
}

/** Above the table: how many zones match, the sort order, and whether archived ones show. */
export function ZoneListBar({ total, filters, update }: { total: number | undefined; filters: Filters; update: (patch: Partial<Filters>) => void }) {
  return (
    <div className="list-bar">
      <p className="list-count" aria-live="polite">
        {total === undefined ? '' : `${total} ${total === 1 ? 'zone' : 'zones'}`}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={filters.archived} onChange={(e) => update({ archived: e.target.checked })} />
        Show archived
      </label>
      <div className="field field-inline">
        <label htmlFor="zone-sort">Sort by</label>
        <select id="zone-sort" value={filters.sort} onChange={(e) => update({ sort: e.target.value })}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
    </div>
  );
}
