'use client';
// New shared workspace: a name; the project list is re-read from the server afterwards.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage, SuccessMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

export function CreateWorkspaceForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      onSuccess: (workspace) => {
        setCreated(workspace.name);
        formRef.current?.reset();
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (!name) return;
    setCreated(null);
    create.mutate({ name });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="New workspace">
      <label htmlFor="workspace-name" className="text-[13px] font-medium text-muted">
        Workspace name
      </label>
      <div className="flex gap-2">
        <Input id="workspace-name" name="name" placeholder="Platform team" maxLength={80} required />
        <Button type="submit" disabled={!hydrated || create.isPending}>
          {create.isPending ? 'Creating…' : 'Create'}
        </Button>
      </div>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
      <SuccessMessage>{created ? `Workspace “${created}” created.` : null}</SuccessMessage>
    </form>
  );
}
