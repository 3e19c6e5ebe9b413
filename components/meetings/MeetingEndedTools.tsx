'use client';
// What an ended meeting offers: its minutes as Markdown, a status update drafted from them
// (editors), and for owners a way to reopen it.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StartStatusUpdateButton } from './StartStatusUpdateButton';

export function MeetingEndedTools({ projectId, meetingId, canReopen, canDraftUpdate }: { projectId: string; meetingId: string; canReopen: boolean; canDraftUpdate: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reopen = useMutation(trpc.meeting.reopen.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a href={`/p/${projectId}/meetings/${meetingId}/minutes.md`} download className="inline-flex h-8 items-center rounded-md border border-line-strong bg-surface px-2.5 text-[13px] font-medium text-ink hover:bg-hover">
        Export minutes (Markdown)
      </a>
      {canDraftUpdate ? <StartStatusUpdateButton meetingId={meetingId} /> : null}
      {canReopen ? (
        <Button size="sm" variant="ghost" disabled={reopen.isPending} onClick={() => reopen.mutate({ meetingId })}>
          Reopen
        </Button>
      ) : null}
      <ErrorMessage>{reopen.error?.message}</ErrorMessage>
    </div>
  );
}
