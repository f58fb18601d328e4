/**
 * Input the CLI builds from options is checked with the same contract as the HTTP edge, so the
 * embedded database refuses what the server would, naming the same fields.
 */
import type { z } from 'zod';
import { InputError } from '../domain/errors.ts';

export function validated<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message }));
  throw new InputError(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}
