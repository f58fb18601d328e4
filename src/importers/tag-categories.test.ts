import { describe, expect, it } from 'vitest';
import { CategorySet, cweCategory, tagCategory } from './tag-categories.ts';

describe('category ids from tags', () => {
  it('normalises CWE, OWASP LLM and ATLAS spellings; other tags become tag:', () => {
    expect(['external/cwe/cwe-079', 'CWE-79', 'CWE-79: Improper Neutralization', 'cwe79'].map(tagCategory)).toEqual(['cwe:79', 'cwe:79', 'cwe:79', 'cwe:79']);
    expect(['owasp:llm01', 'OWASP-LLM01', 'LLM01:2025', 'llm1'].map(tagCategory)).toEqual(Array(4).fill('owasp-llm:LLM01'));
    expect(tagCategory('AML.T0051.000')).toBe('atlas:AML.T0051.000');
    expect(tagCategory('  Code Quality ')).toBe('tag:code-quality');
    expect(tagCategory('external/owasp/owasp-a1')).toBe('tag:external/owasp/owasp-a1');
    expect(tagCategory('')).toBeNull();
    expect([cweCategory(79), cweCategory('79'), cweCategory('N/A'), cweCategory(0)]).toEqual(['cwe:79', 'cwe:79', null, null]);
  });

  it('deduplicates and bounds a set of categories', () => {
    const set = new CategorySet(3);
    for (const t of ['CWE-79', 'external/cwe/cwe-079', 'a', 'b', 'c']) set.addTag(t);
    expect(set.toArray()).toEqual(['cwe:79', 'tag:a', 'tag:b']);
  });
});
