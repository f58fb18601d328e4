/**
 * Reading garak's values in the shapes its versions write: names of probes, detectors and
 * targets, and the text of prompts and outputs (see garak.ts for the rules).
 */

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A probe name as garak's eval lines write it: `dan.Dan_11_0` (a `probes.` prefix dropped). */
export function probeName(v: unknown): string | null {
  return str(v)?.replace(/^probes\./, '') || null;
}

/** A detector name: `dan.DAN` (a `detectors.` / `detector.` prefix, as older garak wrote, dropped). */
export function detectorName(v: unknown): string | null {
  return str(v)?.replace(/^detectors?\./, '') || null;
}

/**
 * The target as garak names it in hit logs (`generator`: `"<target_type> <target_name>"`):
 * the type and the name joined by a space, a missing name left out. Python's `None`, which
 * garak writes for a missing name (`"test None"`), counts as missing.
 */
export function targetName(type: unknown, name: unknown): string | null {
  const parts = [str(type), str(name)].filter((p): p is string => p !== null && p !== 'None');
  return parts.length > 0 ? parts.join(' ') : null;
}

/** A hit log's `generator` (`"huggingface gpt2"`, `"test None"`) as a target (see targetName). */
export function generatorTarget(v: unknown): string | null {
  const text = str(v);
  if (text === null) return null;
  const space = text.indexOf(' ');
  return space === -1 ? targetName(text, null) : targetName(text.slice(0, space), text.slice(space + 1));
}

/** A message: a string (garak < 0.11), or an object with `text` (later `Message`); else null. */
export function messageText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  return isObject(v) && typeof v.text === 'string' ? v.text : null;
}

/**
 * A prompt: a string, a `Message` (`{ text }`), or a `Conversation` (`{ turns: [{ role,
 * content }] }`, content a string or a Message): one turn as its text, several as `role: text`
 * lines. Null when there is no text (e.g. an image-only prompt).
 */
export function promptText(v: unknown): string | null {
  const plain = messageText(v);
  if (plain !== null) return plain;
  if (!isObject(v) || !Array.isArray(v.turns)) return null;
  const turns = v.turns.filter(isObject);
  if (turns.length === 1) return messageText(turns[0]!.content);
  const lines = turns.map((t) => `${str(t.role) ?? 'turn'}: ${messageText(t.content) ?? ''}`);
  return lines.length > 0 ? lines.join('\n') : null;
}

/** Triggers (what a detector looked for): attempt `notes.triggers` / hit-log `triggers`, or an older hit log's `trigger`. */
export function triggersText(triggers: unknown, trigger?: unknown): string | null {
  if (Array.isArray(triggers)) {
    const all = triggers.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).filter((t) => t !== '');
    return all.length > 0 ? all.join(', ') : null;
  }
  return str(triggers) ?? str(trigger);
}

/** Evidence's reason: the probe's goal and the triggers the detector looked for. */
export function reasonText(goal: string | null, triggers: string | null): string | undefined {
  const parts = [goal ? `goal: ${goal}` : null, triggers ? `triggers: ${triggers}` : null].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
