'use client';
// Owners invite people to a project: a link with a role and an expiry, e-mailed when the server
// sends mail and an address is given, else shown to copy. Open invites are listed and revocable.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage, SuccessMessage } from '@/components/ui/alert';
import { roleLabels } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Input, Select } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

const inviteRoles = ['editor', 'viewer'] as const;
const lifetimes = [1, 3, 7, 14, 30] as const;

/** A link to hand over: read-only text (selectable) with a Copy button. */
export function CopyableLink({ label, link }: { label: string; link: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium text-muted">
        {label}
      </label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
        <Button
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}

export function InvitePanel({ projectId, mailConfigured }: { projectId: string; mailConfigured: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const invites = useQuery(trpc.project.listInvites.queryOptions({ projectId }));
  const refreshInvites = () => queryClient.invalidateQueries({ queryKey: trpc.project.listInvites.queryKey({ projectId }) });
  const [sent, setSent] = useState<{ link: string | null; message: string } | null>(null);
  const create = useMutation(
    trpc.project.createInvite.mutationOptions({
      onSuccess: (invite) => {
        const who = invite.email ?? 'anyone with the link';
        const until = format(invite.expiresAt, 'd MMM yyyy');
        setSent({
          link: invite.link,
          message: invite.emailed
            ? `Invite e-mailed to ${invite.email} (${roleLabels[invite.role].toLowerCase()}, until ${until}).`
            : `Invite for ${who} as ${roleLabels[invite.role].toLowerCase()}, until ${until}. ${invite.emailError ?? 'Copy the link and send it to them.'}`,
        });
        void refreshInvites();
      },
    }),
  );
  const revoke = useMutation(trpc.project.revokeInvite.mutationOptions({ onSuccess: () => void refreshInvites() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    setSent(null);
    create.mutate({
      projectId,
      email: email || undefined,
      role: String(form.get('role')) as (typeof inviteRoles)[number],
      expiresInDays: Number(form.get('expires')),
    });
  }

  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="invite-heading" className="text-sm font-semibold">
        Invite people
      </h2>
      <p className="mt-0.5 text-xs text-muted">
        {mailConfigured
          ? 'With an e-mail address, the invite is e-mailed; without one, you get a link to share. '
          : 'You get a link to send them; it works once. '}
        They can create their Waymark account on the way. Make someone owner after they join.
      </p>
      <form onSubmit={onSubmit} className="mt-4 grid gap-3 sm:grid-cols-[1fr_8rem_8rem_auto] sm:items-end">
        <Field label="Email (optional)" htmlFor="invite-email">
          <Input id="invite-email" name="email" type="email" placeholder="ada@example.com" autoComplete="off" maxLength={254} />
        </Field>
        <Field label="Role" htmlFor="invite-role">
          <Select id="invite-role" name="role" defaultValue="editor">
            {inviteRoles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Expires in" htmlFor="invite-expires">
          <Select id="invite-expires" name="expires" defaultValue="7">
            {lifetimes.map((d) => (
              <option key={d} value={d}>
                {d} day{d === 1 ? '' : 's'}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="primary" disabled={!hydrated || create.isPending}>
          {create.isPending ? 'Creating…' : 'Create invite'}
        </Button>
      </form>
      {create.error ? <ErrorMessage className="mt-3">{create.error.message}</ErrorMessage> : null}
      {sent ? (
        <div className="mt-3 flex flex-col gap-3">
          <SuccessMessage>{sent.message}</SuccessMessage>
          {sent.link ? <CopyableLink label="Invite link" link={sent.link} /> : null}
        </div>
      ) : null}

      {invites.data?.length ? (
        <div className="mt-5">
          <h3 className="text-[13px] font-medium text-muted">Open invites</h3>
          <ul className="mt-2 divide-y divide-line rounded-md border border-line">
            {invites.data.map((invite) => {
              const who = invite.email ?? 'Link for anyone';
              return (
                <li key={invite.id} aria-label={`Invite: ${who}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                  <span className="min-w-0 flex-1 basis-48 truncate">{who}</span>
                  <span className="text-xs text-muted">
                    {roleLabels[invite.role]} · {invite.expired ? 'expired' : `until ${format(invite.expiresAt, 'd MMM yyyy')}`}
                  </span>
                  <ConfirmButton
                    label="Revoke"
                    ariaLabel={`Revoke the invite for ${who}`}
                    question="Revoke this invite?"
                    confirmLabel="Revoke"
                    disabled={!hydrated}
                    pending={revoke.isPending && revoke.variables?.inviteId === invite.id}
                    onConfirm={() => revoke.mutate({ projectId, inviteId: invite.id })}
                  />
                </li>
              );
            })}
          </ul>
          {revoke.error ? <ErrorMessage className="mt-3">{revoke.error.message}</ErrorMessage> : null}
        </div>
      ) : null}
    </section>
  );
}

/** On servers without mail: an owner makes a one-time password reset link for a member. */
export function ResetLinkButton({ projectId, userId, name }: { projectId: string; userId: string; name: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const make = useMutation(trpc.project.createPasswordResetLink.mutationOptions());
  return (
    <div className="flex basis-full flex-col gap-2">
      {make.data ? (
        <>
          <CopyableLink label={`Password reset link for ${name}`} link={make.data.link} />
          <p className="text-xs text-muted">Works once, until {format(make.data.expiresAt, 'HH:mm')}. Send it to them privately.</p>
        </>
      ) : (
        <div>
          <Button size="sm" variant="ghost" aria-label={`Make a password reset link for ${name}`} disabled={!hydrated || make.isPending} onClick={() => make.mutate({ projectId, userId })}>
            Password reset link
          </Button>
        </div>
      )}
      {make.error ? <ErrorMessage>{make.error.message}</ErrorMessage> : null}
    </div>
  );
}
