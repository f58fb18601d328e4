import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.ts';
import { detectZoneFileFormat, parseZoneFile } from './zones-file.ts';

const fail = (text: string, format: 'csv' | 'yaml' = 'csv') => {
  try {
    parseZoneFile(text, format);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected the file to be refused');
};

describe('zone file parser', () => {
  it('accepts a spreadsheet export: BOM, spaced headers, tier numbers, mixed separators', () => {
    const rows = parseZoneFile('\uFEFFProduct Key,Zone Name,Tier,Buckets,Owner Email\r\nAssist,Self harm,1,"User_Wellbeing | systemic_integrity",Dana@Acme.example\r\n', 'csv');
    expect(rows).toEqual([expect.objectContaining({
      line: 2, productKey: 'assist', zoneName: 'Self harm', tier: 'tier1',
      buckets: ['systemic_integrity', 'user_wellbeing'], ownerEmail: 'dana@acme.example', zoneKey: 'assist-self-harm', deputyEmail: undefined,
    })]);
  });

  it('refuses a product key that is not a key, naming line and column', () => {
    expect(fail('product_key,zone_name,tier,buckets,owner_email\nmy assistant,Z,tier1,user_wellbeing,a@b.co\n').issues)
      .toEqual([{ line: 2, column: 'product_key', message: '"my assistant" must be lower-case letters, digits, . _ or -' }]);
  });

  it('reports a missing required column in the header', () => {
    expect(fail('product_key,zone_name,tier,buckets\na,Z,tier1,user_wellbeing\n').issues)
      .toEqual([{ line: 1, column: 'owner_email', message: 'the header has no owner_email column' }]);
  });

  it('caps the list of problems and says how many more there are', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `p,Zone ${i},tier9,user_wellbeing,a@b.co`).join('\n');
    const err = fail(`product_key,zone_name,tier,buckets,owner_email\n${rows}\n`);
    expect(err.issues).toHaveLength(50);
    expect(err.message).toMatch(/\(and 49 more problems\)$/);
  });

  it('refuses an empty file and YAML of the wrong shape', () => {
    expect(fail('product_key,zone_name,tier,buckets,owner_email\n').message).toMatch(/no zone rows/);
    expect(fail('zones:\n  - name: x\n', 'yaml').issues[0]).toMatchObject({ column: 'products' });
    expect(fail('products:\n  - key: a\n    zones:\n      - name: X\n        colour: red\n', 'yaml').issues[0])
      .toMatchObject({ line: 5, column: 'colour' });
  });

  it('detects the format from the file name or content type', () => {
    expect(detectZoneFileFormat('zones.YAML', undefined)).toBe('yaml');
    expect(detectZoneFileFormat(undefined, 'application/x-yaml')).toBe('yaml');
    expect(detectZoneFileFormat('zones.csv', 'text/csv')).toBe('csv');
  });
});
