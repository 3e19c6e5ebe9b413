'use client';
// Small client pieces of the updates page: "New update" (a draft from the project's data) and the
// "Correct" toggle that opens a published update in the editor.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { UpdateContent } from '@/server/domain/status';
import { UpdateEditor } from './UpdateEditor';

export function NewUpdateButton({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.status.createDraft.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="primary" onClick={() => create.mutate({ projectId })} disabled={create.isPending}>
        {create.isPending ? 'Drafting…' : 'New update'}
      </Button>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
    </div>
  );
}

/** Shows `children` (the rendered update) or, once "Correct" is pressed, the editor. */
export function CorrectableUpdate({
  projectId,
  updateId,
  content,
  canEdit,
  children,
}: {
  projectId: string;
  updateId: string;
  content: UpdateContent;
  canEdit: boolean;
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  if (editing) return <UpdateEditor projectId={projectId} updateId={updateId} initial={content} mode="correct" onDone={() => setEditing(false)} />;
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
