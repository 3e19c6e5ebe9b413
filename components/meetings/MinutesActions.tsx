'use client';
// What an ended meeting's minutes lead to: the Markdown download (for every member) and "Start a
// status update from these minutes" (editors), which makes a draft and opens it on the updates page.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';

/** Where a meeting's minutes download from (app/p/[projectId]/meetings/[meetingId]/minutes.md). */
export const minutesHref = (projectId: string, meetingId: string) => `/p/${projectId}/meetings/${meetingId}/minutes.md`;

export function MinutesActions({ projectId, meetingId, canEdit }: { projectId: string; meetingId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const draft = useMutation(trpc.meetingSince.statusDraft.mutationOptions({ onSuccess: ({ href }) => router.push(href) }));
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {/* A plain link, not Next's: the answer is a file download, not a page. */}
        <a href={minutesHref(projectId, meetingId)} download className={buttonClasses()}>
          Download minutes (Markdown)
        </a>
        {canEdit ? (
          <Button onClick={() => draft.mutate({ meetingId })} disabled={draft.isPending}>
            {draft.isPending ? 'Drafting…' : 'Start a status update from these minutes'}
          </Button>
        ) : null}
      </div>
      <ErrorMessage>{draft.error?.message}</ErrorMessage>
    </div>
  );
}
