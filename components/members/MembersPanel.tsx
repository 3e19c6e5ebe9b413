'use client';
// The people on a project and their roles. Owners invite people, change roles, remove members and
// (on servers without mail) make password reset links; everyone can leave. The list comes from the
// server page, so changes refresh it.
import { useMutation } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage, SuccessMessage } from '@/components/ui/alert';
import { Avatar, colorForUser } from '@/components/ui/avatar';
import { RoleBadge, roleLabels } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Select } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { projectRoles, type ProjectRole } from '@/server/domain/roles';
import { InvitePanel, ResetLinkButton } from './Invites';

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: ProjectRole;
  addedAt: Date;
}

const roleHelp: Record<ProjectRole, string> = {
  owner: 'manages members and everything else',
  editor: 'edits the boards',
  viewer: 'reads everything, changes nothing',
};

export function MembersPanel({
  projectId,
  members,
  myRole,
  myUserId,
  mailConfigured,
  archived,
}: {
  projectId: string;
  members: Member[];
  myRole: ProjectRole;
  myUserId: string;
  /** The server sends e-mail: invites can be e-mailed and people reset their own passwords. */
  mailConfigured: boolean;
  /** Archived projects are read-only: no invites or member changes. */
  archived: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const isOwner = myRole === 'owner' && !archived;
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyUser, setBusyUser] = useState<string | null>(null);
  // The role just chosen, shown until the refreshed list has it (keyed by the role it replaced).
  const [roleDrafts, setRoleDrafts] = useState<Record<string, { from: ProjectRole; to: ProjectRole }>>({});

  const done = (message: string | null) => {
    setError(null);
    setNotice(message);
    setBusyUser(null);
    router.refresh();
  };
  const failed = (e: { message: string }) => {
    setNotice(null);
    setError(e.message);
    setBusyUser(null);
  };

  const setRole = useMutation(trpc.project.setRole.mutationOptions({ onError: failed }));
  const remove = useMutation(trpc.project.removeMember.mutationOptions({ onError: failed }));

  function changeRole(member: Member, role: ProjectRole) {
    setBusyUser(member.userId);
    setRoleDrafts((d) => ({ ...d, [member.userId]: { from: member.role, to: role } }));
    setRole.mutate(
      { projectId, userId: member.userId, role },
      {
        onSuccess: () => done(`${member.name} is now ${roleLabels[role].toLowerCase()}.`),
        onError: () => setRoleDrafts(({ [member.userId]: _dropped, ...rest }) => rest),
      },
    );
  }

  const shownRole = (m: Member) => (roleDrafts[m.userId]?.from === m.role ? roleDrafts[m.userId]!.to : m.role);

  function removeMember(member: Member) {
    setBusyUser(member.userId);
    remove.mutate(
      { projectId, userId: member.userId },
      {
        onSuccess: () => {
          if (member.userId === myUserId) {
            router.push('/projects');
            router.refresh();
          } else done(`${member.name} was removed from the project.`);
        },
      },
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {isOwner ? <InvitePanel projectId={projectId} mailConfigured={mailConfigured} /> : null}

      <section aria-labelledby="members-heading" className="rounded-lg border border-line bg-surface">
        <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
          <h2 id="members-heading" className="text-sm font-semibold">
            Members <span className="font-normal text-muted">· {members.length}</span>
          </h2>
          {archived ? (
            <p className="text-xs text-muted">The project is archived: members cannot change.</p>
          ) : !isOwner ? (
            <p className="text-xs text-muted">Only owners can change roles.</p>
          ) : null}
        </div>
        {error || notice ? (
          <div className="px-4 pt-3">
            {error ? <ErrorMessage>{error}</ErrorMessage> : <SuccessMessage>{notice}</SuccessMessage>}
          </div>
        ) : null}
        <ul className="divide-y divide-line">
          {members.map((m) => {
            const me = m.userId === myUserId;
            const busy = busyUser === m.userId;
            return (
              <li key={m.userId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" aria-label={m.name}>
                <Avatar name={m.name} color={colorForUser(m.userId)} label="" />
                <div className="min-w-0 flex-1 basis-52">
                  <p className="truncate text-sm font-medium">
                    {m.name}
                    {me ? <span className="ml-1.5 font-normal text-muted">(you)</span> : null}
                  </p>
                  <p className="truncate text-xs text-muted">
                    {m.email} · added {format(m.addedAt, 'd MMM yyyy')}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  {isOwner ? (
                    <Select
                      aria-label={`Role of ${m.name}`}
                      className="w-28"
                      value={shownRole(m)}
                      disabled={!hydrated || busy}
                      onChange={(e) => changeRole(m, e.target.value as ProjectRole)}
                    >
                      {projectRoles.map((r) => (
                        <option key={r} value={r}>
                          {roleLabels[r]}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <RoleBadge role={m.role} />
                  )}
                  {me ? (
                    <ConfirmButton
                      label="Leave project"
                      question="Leave this project?"
                      confirmLabel="Leave"
                      disabled={!hydrated}
                      pending={busy}
                      onConfirm={() => removeMember(m)}
                    />
                  ) : isOwner ? (
                    <ConfirmButton
                      label="Remove"
                      ariaLabel={`Remove ${m.name}`}
                      question={`Remove ${m.name}?`}
                      confirmLabel="Remove"
                      disabled={!hydrated}
                      pending={busy}
                      onConfirm={() => removeMember(m)}
                    />
                  ) : null}
                </div>
                {isOwner && !mailConfigured && !me ? <ResetLinkButton projectId={projectId} userId={m.userId} name={m.name} /> : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="roles-heading" className="text-sm text-muted">
        <h2 id="roles-heading" className="sr-only">
          What each role may do
        </h2>
        <dl className="flex flex-col gap-1 text-[13px]">
          {projectRoles.map((r) => (
            <div key={r} className="flex gap-1.5">
              <dt className="font-medium text-ink">{roleLabels[r]}:</dt>
              <dd>{roleHelp[r]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
