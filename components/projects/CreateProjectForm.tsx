'use client';
// New project: a name and the workspace it belongs to; opens the new project's risk board.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

export interface WorkspaceOption {
  id: string;
  name: string;
  personal: boolean;
}

export function CreateProjectForm({ workspaces }: { workspaces: WorkspaceOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const personal = workspaces.find((w) => w.personal) ?? workspaces[0];
  const [workspaceId, setWorkspaceId] = useState(personal?.id ?? '');
  const [name, setName] = useState('');
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: (project) => router.push(`/p/${project.id}/risks`),
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), workspaceId: workspaceId || undefined });
  }

  const busy = create.isPending || create.isSuccess;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="New project">
      <Field label="Project name" htmlFor="project-name">
        <Input
          id="project-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Payments platform migration"
          maxLength={120}
          required
        />
      </Field>
      <Field label="Workspace" htmlFor="project-workspace">
        <Select id="project-workspace" value={workspaceId} onChange={(e) => setWorkspaceId(e.target.value)}>
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
              {w.personal ? ' (personal)' : ''}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
      <Button type="submit" variant="primary" disabled={busy || !name.trim()}>
        {busy ? 'Creating…' : 'Create project'}
      </Button>
    </form>
  );
}
