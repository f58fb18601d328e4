/**
 * One promptfoo EvaluateResult (an element of `results.results`) read into a PromptfooCase,
 * or recognised as an error. See promptfoo.ts for the rules.
 */
import { InputError } from '../domain/errors.ts';
import type { PromptfooCase } from './promptfoo-groups.ts';
import { tagCategory } from './tag-categories.ts';
import type { Evidence } from './types.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const REDTEAM_ASSERTION = /^promptfoo:redteam:(.+)$/;

/** Text of any value: strings as they are, other values as JSON. */
export function asText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** The target of a result: provider label, else provider id (a bare string provider is its id). */
export function providerName(provider: unknown): string {
  if (typeof provider === 'string') return provider.trim();
  if (!isObject(provider)) return '';
  return (str(provider.label) ?? str(provider.id) ?? '').trim();
}

/** The plugin id without promptfoo's `promptfoo:redteam:` assertion prefix. */
export function normalizePluginId(id: string): string {
  return id.trim().replace(/^promptfoo:redteam:/, '');
}

function assertionTypes(testCase: Json, components: Json[]): string[] {
  const declared = Array.isArray(testCase.assert) ? testCase.assert : [];
  const fromTest = declared.map((a) => (isObject(a) ? str(a.type) : null)).filter((t): t is string => t !== null);
  if (fromTest.length > 0) return fromTest;
  return components.map((c) => (isObject(c.assertion) ? str(c.assertion.type) : null)).filter((t): t is string => t !== null);
}

function metadataCategories(meta: (key: string) => unknown): string[] {
  const out: string[] = [];
  for (const key of ['owasp', 'atlas', 'mitre', 'nist', 'tags', 'frameworks']) {
    const raw = meta(key);
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (typeof v !== 'string' || !v.trim()) continue;
      if (key === 'nist' && !/^nist/i.test(v)) out.push(`nist-ai-rmf:${v.trim()}`);
      else {
        const id = tagCategory(v);
        if (id) out.push(id);
      }
    }
  }
  return out;
}

/**
 * Reads results[index]. Returns 'error' for a result promptfoo counts as an error
 * (failureReason 2; in files without failureReason, a failed result with an `error` and no
 * grading result).
 */
export function resultToCase(value: unknown, index: number): PromptfooCase | 'error' {
  const where = `results.results[${index}] (result ${index + 1})`;
  if (!isObject(value)) {
    throw new InputError(`${where} is not a promptfoo result object`, [{ field: `results.results[${index}]`, message: 'expected a result object' }]);
  }
  if (typeof value.success !== 'boolean') {
    throw new InputError(`${where} has no "success" true or false; is this a promptfoo results file?`,
      [{ field: `results.results[${index}].success`, message: 'expected true or false' }]);
  }
  const grading = isObject(value.gradingResult) ? value.gradingResult : null;
  if (value.failureReason === 2) return 'error';
  if (value.failureReason === undefined && !value.success && grading === null && str(value.error)) return 'error';

  const testCase = isObject(value.testCase) ? value.testCase : {};
  const testMeta = isObject(testCase.metadata) ? testCase.metadata : {};
  const resultMeta = isObject(value.metadata) ? value.metadata : {};
  const meta = (key: string): unknown => testMeta[key] ?? resultMeta[key];
  const components = grading && Array.isArray(grading.componentResults) ? grading.componentResults.filter(isObject) : [];
  const types = assertionTypes(testCase, components);
  const declaredPlugin = str(meta('pluginId'));
  const assertedPlugin = types.map((t) => REDTEAM_ASSERTION.exec(t)?.[1]).find((p) => p !== undefined);
  const pluginId = declaredPlugin ? normalizePluginId(declaredPlugin) : assertedPlugin ?? null;
  const passed = value.success;
  const failing = components.filter((c) => c.pass === false);

  return {
    pluginId,
    target: providerName(value.provider),
    passed,
    severity: str(meta('severity')),
    strategy: str(meta('strategyId')),
    harmCategory: str(meta('harmCategory')),
    goal: str(meta('goal')),
    description: str(testCase.description) ?? str(value.description),
    assertTypes: types,
    failedTypes: failing.map((c) => (isObject(c.assertion) ? str(c.assertion.type) : null) ?? 'unknown'),
    categories: metadataCategories(meta),
    evidence: passed ? null : evidenceOf(value, testCase, grading, failing, str(meta('strategyId')), pluginId !== null),
  };
}

function evidenceOf(result: Json, testCase: Json, grading: Json | null, failing: Json[], strategy: string | null, redTeam: boolean): Evidence {
  const prompt = isObject(result.prompt) ? str(result.prompt.raw) : str(result.prompt);
  const vars = result.vars ?? testCase.vars;
  const response = isObject(result.response) ? result.response : {};
  const reasons = failing.map((c) => str(c.reason)).filter((r): r is string => r !== null);
  const score = typeof grading?.score === 'number' ? grading.score : typeof result.score === 'number' ? result.score : undefined;
  const testIdx = typeof result.testIdx === 'number' ? `test ${result.testIdx + 1}` : null;
  const label = [redTeam ? `strategy ${strategy ?? 'basic'}` : null, testIdx].filter(Boolean).join(', ');
  return {
    prompt: prompt ?? asText(vars),
    response: asText(response.output) ?? str(response.error) ?? undefined,
    reason: (reasons.length > 0 ? reasons.join('\n') : null) ?? str(grading?.reason) ?? str(result.error) ?? undefined,
    score,
    label: label || undefined,
  };
}
