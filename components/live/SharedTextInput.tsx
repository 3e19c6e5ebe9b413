'use client';
// A text input or textarea bound to a Y.Text of a live board (useSharedText): what people type in
// it at the same moment merges character by character. Until the board is live it shows `fallback`
// (the server's copy) and cannot be edited, unless the caller takes the typing itself (`onLocalInput`:
// a draft that is not in the document yet); the same element is then bound once the text exists.
import { useCallback, useState, type ComponentProps, type Ref } from 'react';
import type * as Y from 'yjs';
import { inputClass, textareaClass } from '@/components/ui/field';
import { cn } from '@/components/ui/cn';
import { useSharedText } from './useSharedText';

type CommonProps = {
  text: Y.Text | null;
  fallback: string;
  maxLength?: number;
  disabled?: boolean;
  className?: string;
  /** While `text` is null: the field is editable and each change is handed here instead. */
  onLocalInput?: (value: string) => void;
};

type SharedTextInputProps = CommonProps &
  Omit<ComponentProps<'input'>, 'value' | 'defaultValue' | 'onChange' | 'ref' | keyof CommonProps> & {
    multiline?: false;
    inputRef?: Ref<HTMLInputElement | null>;
  };
type SharedTextAreaProps = CommonProps &
  Omit<ComponentProps<'textarea'>, 'value' | 'defaultValue' | 'onChange' | 'ref' | keyof CommonProps> & { multiline: true; inputRef?: undefined };

export function SharedTextInput(props: SharedTextInputProps | SharedTextAreaProps) {
  return props.multiline ? <SharedTextArea {...props} /> : <SharedTextLine {...props} />;
}

function SharedTextLine({ text, fallback, maxLength, disabled, className, inputRef, onLocalInput, multiline: _, ...rest }: SharedTextInputProps) {
  const ref = useSharedText<HTMLInputElement>(text, fallback, maxLength, onLocalInput);
  // Uncontrolled: from here on the binding alone sets what the field shows.
  const [initial] = useState(() => text?.toString() ?? fallback);
  // The caller's ref (e.g. to focus the field) and the binding's, on one element.
  const setRefs = useCallback(
    (element: HTMLInputElement | null) => {
      ref.current = element;
      if (typeof inputRef === 'function') inputRef(element);
      else if (inputRef) inputRef.current = element;
    },
    [ref, inputRef],
  );
  return (
    <input
      ref={setRefs}
      defaultValue={initial}
      maxLength={maxLength}
      disabled={disabled || (!text && !onLocalInput)}
      className={cn(inputClass, className)}
      {...rest}
    />
  );
}

function SharedTextArea({ text, fallback, maxLength, disabled, className, onLocalInput, multiline: _, inputRef: __, ...rest }: SharedTextAreaProps) {
  const ref = useSharedText<HTMLTextAreaElement>(text, fallback, maxLength, onLocalInput);
  const [initial] = useState(() => text?.toString() ?? fallback);
  return (
    <textarea
      ref={ref}
      defaultValue={initial}
      maxLength={maxLength}
      disabled={disabled || (!text && !onLocalInput)}
      className={cn(textareaClass, className)}
      {...rest}
    />
  );
}
