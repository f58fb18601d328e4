/**
 * The framework catalog, read from the data files shipped in data/frameworks/ (sources and
 * licences in its SOURCES.md) once per process and kept in memory.
 *
 * Why files at first use and not a migration seed: the catalog is reference data, the same for
 * every organization, ~300 items; seeding it would insert those rows into every test database
 * (each test file migrates a fresh one) and make a catalog update a migration. Mappings store
 * the framework and item ids as text and are checked against this catalog when written.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Framework, FrameworkId, FrameworkItem } from '../domain/frameworks.ts';

const DIR = fileURLToPath(new URL('../../data/frameworks/', import.meta.url));
const read = <T>(path: string): T => JSON.parse(readFileSync(DIR + path, 'utf8')) as T;

interface NistFile { version: string; functions: { id: string; categories: { id: string; statement: string; subcategories: { id: string; short_id: string; statement: string }[] }[] }[] }
interface AtlasFile { version: string; tactics: { id: string; name: string }[]; techniques: { id: string; name: string; tactics: string[]; parent: string | null }[] }
interface OwaspFile { version: string; items: { id: string; title: string }[] }
interface IsoFile { version: string; groups: { id: string; title: string; items: { id: string; title: string }[] }[] }

function nist(): Framework {
  const d = read<NistFile>('nist-ai-rmf/nist-ai-rmf-1.0-core.json');
  const items: FrameworkItem[] = d.functions.flatMap((f) => f.categories.flatMap((c) => c.subcategories.map((s) => ({
    id: s.short_id, title: s.id, group: c.id, groupTitle: `${c.id}: ${c.statement.length > 90 ? `${c.statement.slice(0, 89)}…` : c.statement}`,
    statement: s.statement,
  }))));
  return {
    id: 'nist-ai-rmf', name: 'NIST AI RMF', version: d.version, itemLabel: 'subcategory', items,
    source: 'NIST AI 100-1 (AI RMF 1.0) Core, via Agent-Threat-Rule/ai-rmf-oscal-catalog', licence: 'Public domain (US Government work); CC0 1.0 transcription',
  };
}

function atlas(): Framework {
  const d = read<AtlasFile>('mitre-atlas/atlas-tactics-techniques.json');
  const tactic = new Map(d.tactics.map((t) => [t.id, t.name]));
  const byId = new Map(d.techniques.map((t) => [t.id, t]));
  const tacticOf = (t: AtlasFile['techniques'][number]): string => t.tactics[0] ?? (t.parent ? tacticOf(byId.get(t.parent)!) : '');
  const items: FrameworkItem[] = [
    ...d.tactics.map((t) => ({ id: t.id, title: t.name, group: 'tactics', groupTitle: 'Tactics', statement: null })),
    ...d.techniques.map((t) => {
      const g = tacticOf(t);
      return { id: t.id, title: t.parent ? `${byId.get(t.parent)?.name ?? t.parent}: ${t.name}` : t.name, group: g, groupTitle: `${g} ${tactic.get(g) ?? ''}`.trim(), statement: null };
    }),
  ];
  return {
    id: 'mitre-atlas', name: 'MITRE ATLAS', version: d.version, itemLabel: 'technique', items,
    source: 'mitre-atlas/atlas-data dist/ATLAS.yaml (ids, names and tactics extracted)', licence: 'Apache-2.0, © MITRE',
  };
}

function owasp(): Framework {
  const d = read<OwaspFile>('owasp-llm/owasp-llm-top10-2025.json');
  return {
    id: 'owasp-llm', name: 'OWASP Top 10 for LLM Applications', version: d.version, itemLabel: 'risk',
    items: d.items.map((i) => ({ id: i.id, title: i.title, group: 'top10', groupTitle: 'Top 10', statement: null })),
    source: 'OWASP GenAI Security Project (ids and short titles only)', licence: 'Ids and titles cited; the CC BY-SA 4.0 text is not shipped',
  };
}

function iso(): Framework {
  const d = read<IsoFile>('iso-42001/iso-42001-2023-annex-a.json');
  return {
    id: 'iso-42001', name: 'ISO/IEC 42001 Annex A', version: d.version, itemLabel: 'control',
    items: d.groups.flatMap((g) => g.items.map((i) => ({ id: i.id, title: i.title, group: g.id, groupTitle: `${g.id} ${g.title}`, statement: null }))),
    source: 'ISO/IEC 42001:2023 Annex A, Table A.1 (identifiers and control names only)', licence: 'ISO copyright: control text not shipped',
  };
}

let catalog: Map<FrameworkId, Framework> | null = null;

/** Every framework, loaded on first call. */
export function frameworkCatalog(): Map<FrameworkId, Framework> {
  catalog ??= new Map([nist(), iso(), owasp(), atlas()].map((f) => [f.id, f]));
  return catalog;
}
