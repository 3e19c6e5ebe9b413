'use client';
// New project: a name and the workspace it belongs to; opens the new project's risk board.
// Inputs are uncontrolled so what is typed before the page finishes loading is kept.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

export interface WorkspaceOption {
  id: string;
  name: string;
  personal: boolean;
}

export function CreateProjectForm({ workspaces }: { workspaces: WorkspaceOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const personal = workspaces.find((w) => w.personal) ?? workspaces[0];
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: (project) => router.push(`/p/${project.id}/plan`),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const workspaceId = String(form.get('workspaceId') ?? '');
    if (!name) return;
    create.mutate({ name, workspaceId: workspaceId || undefined });
  }

  const busy = create.isPending || create.isSuccess;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="New project">
      <Field label="Project name" htmlFor="project-name">
        <Input id="project-name" name="name" placeholder="Payments platform migration" maxLength={120} required />
      </Field>
      <Field label="Workspace" htmlFor="project-workspace">
        <Select id="project-workspace" name="workspaceId" defaultValue={personal?.id}>
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
              {w.personal ? ' (personal)' : ''}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
      <Button type="submit" variant="primary" disabled={!hydrated || busy}>
        {busy ? 'Creating…' : 'Create project'}
      </Button>
    </form>
  );
}
