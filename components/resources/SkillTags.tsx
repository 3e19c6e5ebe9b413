'use client';
// Skills typed as tags: Enter or a comma adds what is typed, each tag has its own remove button,
// Backspace in the empty field takes the last one back. A tag is kept once, whatever its case.
import { useId, useState, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { inputClass } from '@/components/ui/field';

// The server's limits (server/domain/resourceFields.ts).
export const maxSkills = 30;
export const maxSkillLength = 60;

/** Adds a typed skill to a list: trimmed, at most 60 characters, once whatever the case, at most 30. */
export function withSkill(skills: readonly string[], typed: string): string[] {
  const skill = typed.trim().replace(/\s+/g, ' ').slice(0, maxSkillLength);
  if (!skill || skills.length >= maxSkills || skills.some((s) => s.toLowerCase() === skill.toLowerCase())) return [...skills];
  return [...skills, skill];
}

export function SkillTags({ id, value, onChange, disabled }: { id: string; value: string[]; onChange: (skills: string[]) => void; disabled?: boolean }) {
  const [typed, setTyped] = useState('');
  const hintId = useId();

  function add() {
    if (!typed.trim()) return;
    onChange(withSkill(value, typed));
    setTyped('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && !typed && value.length) {
      event.preventDefault();
      setTyped(value.at(-1)!);
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      {value.length ? (
        <ul aria-label="Skills" className="flex flex-wrap gap-1.5">
          {value.map((skill) => (
            <li key={skill} className="chip gap-1 border-line bg-sunken pr-0.5 text-ink">
              {skill}
              <button
                type="button"
                disabled={disabled}
                aria-label={`Remove skill ${skill}`}
                onClick={() => onChange(value.filter((s) => s !== skill))}
                className="inline-flex size-4 items-center justify-center rounded-full text-muted hover:bg-hover hover:text-ink"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        className={cn(inputClass)}
        value={typed}
        disabled={disabled}
        maxLength={maxSkillLength}
        aria-describedby={hintId}
        placeholder="e.g. Go, Postgres"
        onChange={(e) => setTyped(e.target.value.replace(',', ''))}
        onKeyDown={onKeyDown}
        // A skill typed and not yet confirmed is kept when the field is left.
        onBlur={add}
      />
      <p id={hintId} className="text-xs text-faint">
        Enter or a comma adds a skill.
      </p>
    </div>
  );
}
