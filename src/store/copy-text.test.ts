import { describe, expect, it } from 'vitest';
import { copyFields, parseCopyFields } from './copy-text.ts';
import { decodeContent, encodeFinding, routingFields } from './finding-content.ts';

describe('COPY text', () => {
  it('reads back every field copyFields wrote: NULL, the text \\N, tabs, line ends and backslashes', () => {
    const fields = [null, '\\N', 'a\tb', 'line\nnext\r\n', 'C:\\path\\t', '', 'plain', '{"x":"\\"q\\""}'];
    const line = copyFields(fields);
    expect(line).not.toMatch(/[\n\r]/);
    expect(parseCopyFields(line)).toEqual(fields);
    expect(parseCopyFields(line, 3)).toEqual(fields.slice(0, 3));
  });

  it('decodes a finding\'s content and its routing fields from the text the merge writes', () => {
    const e = encodeFinding({
      fingerprint: 'f', title: 'Title\twith tab', severity: 'high', ruleId: 'rule\\1', target: null, location: 'src/a.js:3',
      description: 'Line one\nline two', mitigation: null, categories: ['cwe:79', 'tag:"x"'], counts: { failed: 2, total: 5 },
      evidence: [{ prompt: 'p', response: '<b>r</b>' }],
    });
    expect(decodeContent(e.copyText)).toEqual({
      target: null, title: 'Title\twith tab', severity: 'high', ruleId: 'rule\\1', location: 'src/a.js:3', description: 'Line one\nline two',
      mitigation: null, categories: '{"cwe:79","tag:\\"x\\""}', counts: '{"failed":2,"total":5}', evidence: '[{"prompt":"p","response":"<b>r</b>"}]',
      ruleTextId: null,
    });
    expect(routingFields(e.copyText)).toEqual({ target: null, ruleId: 'rule\\1', location: 'src/a.js:3' });
  });
});
