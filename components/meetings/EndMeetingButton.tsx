'use client';
// "End meeting", asked twice: the server ends it on the board (meeting.end), which then refuses
// every client's edit, so the minutes freeze for everyone at once.
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { ConfirmButton } from '@/components/ui/confirm-button';

export function EndMeetingButton({ meetingId }: { meetingId: string }) {
  const trpc = useTRPC();
  const end = useMutation(trpc.meeting.end.mutationOptions());
  return (
    <div className="flex flex-col items-end gap-2">
      <ConfirmButton
        label="End meeting"
        question="End the meeting? The minutes become read-only."
        confirmLabel="End meeting"
        size="md"
        pending={end.isPending}
        onConfirm={() => end.mutate({ meetingId })}
      />
      <ErrorMessage>{end.error?.message}</ErrorMessage>
    </div>
  );
}
