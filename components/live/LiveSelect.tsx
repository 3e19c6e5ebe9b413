'use client';
// A select bound to a live value: it writes each choice at once and shows it at once, however
// quickly the arrow keys go (useLiveValue), then follows the document again.
import type { ComponentProps } from 'react';
import { Select } from '@/components/ui/field';
import { useLiveValue } from './useLiveValue';

export function LiveSelect({
  value,
  onValueChange,
  onBlur,
  ...props
}: Omit<ComponentProps<'select'>, 'value' | 'onChange' | 'multiple'> & {
  value: string | number;
  onValueChange(value: string): void;
}) {
  const live = useLiveValue(String(value), onValueChange);
  return (
    <Select
      {...props}
      value={live.value}
      onChange={(e) => live.set(e.target.value)}
      onBlur={(e) => {
        live.settle();
        onBlur?.(e);
      }}
    />
  );
}
