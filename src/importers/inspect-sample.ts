/**
 * Reading the parts of one Inspect AI sample: whether a score is a failure, and the text of
 * its input and output (see inspect.ts for the rules).
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A score value as Inspect's `value_to_float` reads it: `C` 1, `I` 0, `P` 0.5, `N` 0 (no
 * answer), yes/true 1, no/false 0, numbers and numeric strings as they are, booleans 1/0.
 * Null for values it cannot judge (objects, lists, other words).
 */
export function scoreValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  switch (v) {
    case 'c': case 'yes': case 'true': case 'correct': return 1;
    case 'i': case 'n': case 'no': case 'false': case 'incorrect': return 0;
    case 'p': case 'partial': return 0.5;
    default: {
      if (v === '' || !/^-?\d+(\.\d+)?$/.test(v)) return null;
      return Number(v);
    }
  }
}

/** The text of message content: a string, or a list of content parts (their `text`/`reasoning`). */
export function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const parts = content.map((p) => {
    if (typeof p === 'string') return p;
    if (!isObject(p)) return null;
    if (typeof p.text === 'string') return p.text;
    return typeof p.type === 'string' ? `[${p.type}]` : null;
  }).filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join('\n') : null;
}

/** A sample's input: a string, or chat messages as `role: text` lines. */
export function inputText(input: unknown): string | null {
  if (typeof input === 'string') return input;
  if (!Array.isArray(input)) return null;
  const lines = input.filter(isObject).map((m) => {
    const text = contentText(m.content) ?? '';
    return typeof m.role === 'string' ? `${m.role}: ${text}` : text;
  });
  return lines.length > 0 ? lines.join('\n') : null;
}

/** The model's answer: `output.completion` when present, else the first choice's message. */
export function outputText(output: unknown): string | null {
  if (!isObject(output)) return null;
  if (typeof output.completion === 'string' && output.completion !== '') return output.completion;
  const first = Array.isArray(output.choices) ? output.choices[0] : undefined;
  if (isObject(first) && isObject(first.message)) return contentText(first.message.content);
  return typeof output.error === 'string' ? `[error] ${output.error}` : null;
}

/** A target: a string or a list of acceptable strings. */
export function targetText(target: unknown): string | null {
  if (typeof target === 'string') return target.trim() === '' ? null : target;
  if (Array.isArray(target)) {
    const all = target.filter((t): t is string => typeof t === 'string');
    return all.length > 0 ? all.join(' | ') : null;
  }
  return null;
}
