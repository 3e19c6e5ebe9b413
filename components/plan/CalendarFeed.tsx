'use client';
// The milestones calendar: every member can download it; the owner also sees the secret
// subscription address for calendar apps and can rotate it (the old address then stops working).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';
import { Button, ButtonLink } from '@/components/ui/button';
import { Input } from '@/components/ui/field';

export function CalendarFeed({ projectId, isOwner }: { projectId: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feed = useQuery({ ...trpc.plan.calendarFeed.queryOptions({ projectId }), enabled: isOwner });
  const rotate = useMutation(
    trpc.plan.rotateCalendarToken.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.plan.calendarFeed.queryKey({ projectId }), data),
    }),
  );
  const address = feed.data ? `${typeof window === 'undefined' ? '' : window.location.origin}${feed.data.path}` : '';
  return (
    <section aria-labelledby="calendar-heading" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="calendar-heading" className="text-base font-semibold">
        Milestones calendar
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <ButtonLink href={`/p/${projectId}/milestones.ics`} prefetch={false} size="sm">
          Download milestones (.ics)
        </ButtonLink>
      </div>
      {isOwner ? (
        <div className="mt-3 flex flex-col gap-1.5">
          <label htmlFor="calendar-address" className="text-[13px] font-medium text-muted">
            Subscription address (secret: anyone with it can read the milestones)
          </label>
          <div className="flex gap-2">
            <Input id="calendar-address" readOnly value={address} onFocus={(e) => e.currentTarget.select()} />
            <Button size="md" onClick={() => rotate.mutate({ projectId })} disabled={rotate.isPending}>
              Rotate address
            </Button>
          </div>
          {rotate.isSuccess ? (
            <p role="status" className="text-xs text-success">
              New address made; calendars using the old one stop updating.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
