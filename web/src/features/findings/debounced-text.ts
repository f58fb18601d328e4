import { useEffect, useRef, useState } from 'react';

/** A text input's own state, handed to `commit` once typing pauses (and kept in step with it). */
export function useDebouncedText(value: string, commit: (text: string) => void, delay = 300) {
  const [text, setText] = useState(value);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return undefined;
    const t = window.setTimeout(() => commitRef.current(text), delay);
    return () => window.clearTimeout(t);
  }, [text, value, delay]);
  return [text, setText] as const;
}
