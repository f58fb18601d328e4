/**
 * How the list pages keep their filters in the URL: a patch of filter values written into the
 * query string (lists joined by commas, a true boolean as `true`, an empty value, the default
 * sort and page 1 left out), and back to the first page whenever anything but the page changes.
 */
export function patchSearchParams(prev: URLSearchParams, patch: Record<string, unknown>, defaultSort: string): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, v] of Object.entries(patch)) {
    const value = Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? 'true' : '') : String(v ?? '');
    if (value === '' || (key === 'sort' && value === defaultSort) || (key === 'page' && value === '1')) next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in patch)) next.delete('page');
  return next;
}

/** The page number in the URL: 1 when absent or not a positive number. */
export const pageOf = (params: URLSearchParams): number => Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
