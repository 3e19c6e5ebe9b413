'use client';
// A short message at the bottom of the screen with an Undo button, read out politely. It leaves
// by itself after a few seconds, but never while the pointer or the keyboard focus is on it.
import { useEffect, useRef, useState } from 'react';
import { Button } from './button';

export function UndoToast({
  message,
  onUndo,
  onExpire,
  seconds = 8,
}: {
  message: string;
  onUndo: () => void;
  onExpire: () => void;
  seconds?: number;
}) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  }, [onExpire]);

  const paused = hovered || focused;
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onExpireRef.current(), seconds * 1000);
    return () => clearTimeout(timer);
  }, [paused, seconds]);

  return (
    <div
      role="status"
      className="fixed inset-x-4 bottom-4 z-30 mx-auto flex max-w-md items-center gap-3 rounded-lg bg-ink px-4 py-2.5 text-sm text-canvas shadow-lg"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span className="min-w-0 flex-1 break-words">{message}</span>
      <Button size="sm" variant="ghost" className="text-canvas underline hover:bg-canvas/15 hover:text-canvas" onClick={onUndo}>
        Undo
      </Button>
    </div>
  );
}
