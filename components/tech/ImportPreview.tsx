// What an import would do, before it is applied: how many items it adds, updates and leaves as
// they are, and each dependency read from the file with its change (in words, not colour alone).
import { Badge } from '@/components/ui/badge';
import type { ImportOutcome } from './model';

type PreviewItem = NonNullable<ImportOutcome['items']>[number];

const changeWords: Record<PreviewItem['change'], string> = { add: 'Added', update: 'Updated', same: 'Unchanged' };
const changeTones: Record<PreviewItem['change'], string> = {
  add: 'border-success/40 bg-success-soft text-success',
  update: 'border-accent/30 bg-accent-soft text-accent-ink',
  same: 'border-line bg-sunken text-muted',
};

export function importSummary(outcome: Pick<ImportOutcome, 'added' | 'updated' | 'unchanged'>): string {
  const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;
  return `${items(outcome.added)} to add, ${items(outcome.updated)} to update, ${items(outcome.unchanged)} unchanged.`;
}

export function ImportPreview({ fileName, outcome }: { fileName: string; outcome: ImportOutcome }) {
  const items = outcome.items ?? [];
  return (
    <section aria-labelledby="import-preview-heading" className="flex flex-col gap-2" data-testid="import-preview">
      <h3 id="import-preview-heading" className="text-sm font-semibold">
        Preview of {fileName}
      </h3>
      <p className="text-sm" data-testid="import-summary">
        {importSummary(outcome)} Nothing is written until you press Apply.
      </p>
      {items.length ? (
        <div className="max-h-80 overflow-auto rounded-md border border-line">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Dependencies read from {fileName}</caption>
            <thead className="sticky top-0 border-b border-line bg-sunken text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Dependency
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Version
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {items.map((item) => (
                <tr key={`${item.ecosystem}:${item.name}`} data-testid="import-preview-row" data-change={item.change}>
                  <th scope="row" className="px-3 py-1.5 font-medium break-all">
                    {item.name}
                  </th>
                  <td className="px-3 py-1.5 font-mono text-xs break-all">
                    {item.change === 'update' ? (
                      <>
                        {item.currentVersion || '(none)'} → {item.version || '(none)'}
                      </>
                    ) : (
                      item.version || '(none)'
                    )}
                  </td>
                  <td className="px-3 py-1.5">
                    <Badge tone={changeTones[item.change]}>{changeWords[item.change]}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
