'use client';
// Small client pieces of the updates page: "New update" (a draft from the project's data, for the
// audience chosen beside it) and the "Correct" toggle that opens a published update in the editor.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { audienceLabels, updateAudiences, type UpdateAudience, type UpdateContent } from '@/server/domain/status';
import { UpdateEditor } from './UpdateEditor';

export function NewUpdateButton({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.status.createDraft.mutationOptions({ onSuccess: () => router.refresh() }));
  // Members only unless chosen otherwise: a public draft is written only from public risks.
  const [audience, setAudience] = useState<UpdateAudience>('internal');
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <label htmlFor="new-update-audience" className="text-[13px] font-medium text-muted">
          For
        </label>
        <Select id="new-update-audience" className="w-auto" value={audience} onChange={(e) => setAudience(e.target.value as UpdateAudience)}>
          {updateAudiences.map((a) => (
            <option key={a} value={a}>
              {audienceLabels[a]}
            </option>
          ))}
        </Select>
        <Button variant="primary" onClick={() => create.mutate({ projectId, audience })} disabled={create.isPending}>
          {create.isPending ? 'Drafting…' : 'New update'}
        </Button>
      </div>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
    </div>
  );
}

/** Shows `children` (the rendered update) or, once "Correct" is pressed, the editor. */
export function CorrectableUpdate({
  projectId,
  updateId,
  content,
  revision,
  audience,
  canEdit,
  children,
}: {
  projectId: string;
  updateId: string;
  content: UpdateContent;
  revision: number;
  audience: UpdateAudience;
  canEdit: boolean;
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return <UpdateEditor projectId={projectId} updateId={updateId} initial={content} revision={revision} audience={audience} mode="correct" onDone={() => setEditing(false)} />;
  }
  return (
    <>
      {children}
      {canEdit ? (
        <div className="mt-3">
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Correct this update
          </Button>
        </div>
      ) : null}
    </>
  );
}
