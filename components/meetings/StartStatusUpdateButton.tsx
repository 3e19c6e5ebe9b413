'use client';
// "Start a status update from these minutes" (editors): makes a draft status update from the
// meeting's agenda, decisions and actions (meetingSince.statusDraft) and opens it on the updates page.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export function StartStatusUpdateButton({ meetingId, size = 'sm' }: { meetingId: string; size?: 'sm' | 'md' }) {
  const trpc = useTRPC();
  const router = useRouter();
  const draft = useMutation(trpc.meetingSince.statusDraft.mutationOptions({ onSuccess: ({ href }) => router.push(href) }));
  return (
    <div className="inline-flex flex-col items-start gap-1">
      <Button size={size} onClick={() => draft.mutate({ meetingId })} disabled={draft.isPending}>
        {draft.isPending ? 'Drafting…' : 'Start a status update from these minutes'}
      </Button>
      <ErrorMessage>{draft.error?.message}</ErrorMessage>
    </div>
  );
}
