import { describe, expect, it } from 'vitest';
import type { NormalizedFinding } from './findings.ts';
import { compileRouter, globMatches, globToRegex } from './routing.ts';

const finding = (over: Partial<NormalizedFinding>): NormalizedFinding => ({
  fingerprint: 'x', title: 't', severity: 'high', ruleId: 'harmful:hate', target: 'openai:gpt-4o', location: 'src/a.py:3',
  description: '', mitigation: null, categories: [], counts: null, evidence: [], ...over,
});

describe('routing globs', () => {
  it('match the whole value, case-insensitively, with * and ? only', () => {
    expect(globMatches('openai:gpt-*', 'OpenAI:GPT-4o')).toBe(true);
    expect(globMatches('gpt-*', 'openai:gpt-4o')).toBe(false);
    expect(globMatches('src/?.py:*', 'src/a.py:3')).toBe(true);
    expect(globMatches('a.b', 'axb')).toBe(false);
    expect(globMatches('(x)+[y]', '(x)+[y]')).toBe(true);
    expect(globMatches('*', null)).toBe(false);
    expect(() => globToRegex('   ')).toThrow(/may not be empty/);
  });

  it('route to the first matching rule of the run\'s format, or nowhere', () => {
    const route = compileRouter([
      { field: 'rule', pattern: 'harmful:*', format: 'garak', zoneId: 'garak-only' },
      { field: 'location', pattern: 'src/*', format: null, zoneId: 'code' },
      { field: 'target', pattern: 'openai:*', format: null, zoneId: 'chat' },
    ], 'promptfoo');
    expect(route(finding({}))).toBe('code');
    expect(route(finding({ location: null }))).toBe('chat');
    expect(route(finding({ location: null, target: 'anthropic:claude' }))).toBeNull();
  });
});
