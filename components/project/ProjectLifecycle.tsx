'use client';
// An owner's controls for the project itself: rename, archive (read-only, out of the lists) and
// unarchive, and delete, which asks for the project's exact name first.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage, SuccessMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

export function RenameProjectForm({ projectId, name, disabled }: { projectId: string; name: string; disabled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const rename = useMutation(trpc.project.rename.mutationOptions({ onSuccess: () => router.refresh() }));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate({ projectId, name: String(new FormData(event.currentTarget).get('name') ?? '') });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Field label="Project name" htmlFor="project-name" className="flex-1">
        <Input id="project-name" name="name" defaultValue={name} required maxLength={120} disabled={disabled} />
      </Field>
      <Button type="submit" disabled={!hydrated || disabled || rename.isPending}>
        {rename.isPending ? 'Renaming…' : 'Rename'}
      </Button>
      <div className="sm:hidden">{rename.isSuccess ? <SuccessMessage>Renamed.</SuccessMessage> : null}</div>
      {rename.error ? <ErrorMessage>{rename.error.message}</ErrorMessage> : null}
    </form>
  );
}

export function ArchiveProject({ projectId, archived }: { projectId: string; archived: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const archive = useMutation(trpc.project.archive.mutationOptions({ onSuccess: () => router.refresh() }));
  const unarchive = useMutation(trpc.project.unarchive.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = archive.error ?? unarchive.error;
  return (
    <div className="flex flex-col gap-3">
      {archived ? (
        <div>
          <Button disabled={!hydrated || unarchive.isPending} onClick={() => unarchive.mutate({ projectId })}>
            {unarchive.isPending ? 'Unarchiving…' : 'Unarchive project'}
          </Button>
        </div>
      ) : (
        <div>
          <ConfirmButton
            label="Archive project"
            question="Archive it? Everyone keeps read access; nobody can change it."
            confirmLabel="Archive"
            size="md"
            disabled={!hydrated}
            pending={archive.isPending}
            onConfirm={() => archive.mutate({ projectId })}
          />
        </div>
      )}
      {error ? <ErrorMessage>{error.message}</ErrorMessage> : null}
    </div>
  );
}

export function DeleteProject({ projectId, name }: { projectId: string; name: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [typed, setTyped] = useState('');
  const remove = useMutation(
    trpc.project.delete.mutationOptions({
      onSuccess: () => window.location.assign('/projects'),
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate({ projectId, confirmName: typed });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <Field label={`Type the project's name, “${name}”, to delete it`} htmlFor="delete-confirm-name">
        <Input id="delete-confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" maxLength={200} />
      </Field>
      <div>
        <Button type="submit" variant="danger" disabled={!hydrated || typed !== name || remove.isPending || remove.isSuccess}>
          {remove.isPending || remove.isSuccess ? 'Deleting…' : 'Delete project forever'}
        </Button>
      </div>
      {remove.error ? <ErrorMessage>{remove.error.message}</ErrorMessage> : null}
    </form>
  );
}
