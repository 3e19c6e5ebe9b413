// Chooses what an agenda item, decision or action links to: one of the project's RAID items,
// milestones, workstreams or goals, grouped by kind; or nothing.
import { selectClass } from '@/components/ui/field';
import { cn } from '@/components/ui/cn';
import { linkKinds, type ItemLink } from '@/server/domain/meeting';
import { linkKindLabels, type LinkTarget } from './model';

export function LinkSelect({
  value,
  targets,
  onChange,
  disabled,
  label,
  className,
}: {
  value: ItemLink | null;
  targets: LinkTarget[];
  onChange: (link: ItemLink | null) => void;
  disabled?: boolean;
  label: string;
  className?: string;
}) {
  const current = value ? `${value.kind}:${value.id}` : '';
  const known = value ? targets.some((t) => t.kind === value.kind && t.id === value.id) : true;
  return (
    <select
      aria-label={label}
      value={current}
      disabled={disabled}
      className={cn(selectClass, className)}
      onChange={(event) => {
        const [kind, ...rest] = event.target.value.split(':');
        const target = targets.find((t) => t.kind === kind && t.id === rest.join(':'));
        onChange(target ? { kind: target.kind, id: target.id } : null);
      }}
    >
      <option value="">No linked item</option>
      {!known ? <option value={current}>(deleted item)</option> : null}
      {linkKinds.map((kind) => {
        const ofKind = targets.filter((t) => t.kind === kind);
        if (!ofKind.length) return null;
        return (
          <optgroup key={kind} label={`${linkKindLabels[kind]}s`}>
            {ofKind.map((t) => (
              <option key={t.id} value={`${t.kind}:${t.id}`}>
                {t.title}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
