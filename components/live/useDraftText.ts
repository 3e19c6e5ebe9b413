'use client';
// A text field bound to a live value: typing updates a local draft at once and writes it ~300 ms
// after the last keystroke (or on blur). A change from someone else replaces the draft only when
// this tab has nothing waiting to be written, so nobody's typing is yanked away mid-word.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useDraftText(value: string, commit: (value: string) => void, delayMs = 300) {
  const [draft, setDraft] = useState(value);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);

  useEffect(() => {
    if (timer.current) return;
    // The stored value is normalised (trimmed): our own write coming back is not a change.
    if (value.trim() === latest.current.trim()) return;
    latest.current = value;
    setDraft(value);
  }, [value]);

  const flush = useCallback(() => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = null;
    commitRef.current(latest.current);
  }, []);

  const onChange = useCallback(
    (next: string) => {
      latest.current = next;
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        commitRef.current(latest.current);
      }, delayMs);
    },
    [delayMs],
  );

  // Closing the editor, or leaving the page, must not lose the last keystrokes.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { value: draft, onChange, onBlur: flush };
}
