'use client';
// The meeting's own record on its board: who attends (members and the plan's stakeholders), and for
// editors, changing the attendees, title, start and length; for owners, deleting the meeting.
// All through meeting.update / meeting.delete; the page is then read again from the server.
import { useMutation } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Avatar, colorForUser } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';

import type { ProjectRole } from '@/server/domain/roles';
import { durationMinutesMax } from '@/server/domain/meeting';
import { MeetingScheduleFields } from './MeetingScheduleFields';
import { AttendeePicker, attendeeRef, type AttendeeChoices, type AttendeeRef } from './AttendeePicker';
import type { MeetingSummary } from './MeetingHeading';

export function MeetingDetails({ meeting, role, choices }: { meeting: MeetingSummary; role: ProjectRole; choices: AttendeeChoices }) {
  const canEdit = role !== 'viewer';
  return (
    <section aria-label="Meeting details" className="space-y-3">
      <AttendeeList attendees={meeting.attendees} />
      {canEdit ? (
        <div className="flex flex-wrap items-start gap-3">
          <AttendeeEditor meeting={meeting} choices={choices} />
          <DetailsEditor meeting={meeting} />
          {role === 'owner' ? <DeleteMeeting meeting={meeting} /> : null}
        </div>
      ) : null}
    </section>
  );
}

/** Attendees as avatars with names; stakeholders (people outside the team) marked as such. */
function AttendeeList({ attendees }: { attendees: MeetingSummary['attendees'] }) {
  if (!attendees.length) return <p className="text-sm text-muted">No attendees chosen yet.</p>;
  return (
    <ul aria-label="Attendees" className="flex flex-wrap gap-2">
      {attendees.map((a) => {
        const stakeholder = !a.userId;
        return (
          <li
            key={a.userId ?? `s:${a.stakeholderId}`}
            className={
              stakeholder
                ? 'flex items-center gap-1.5 rounded-full border border-dashed border-line-strong py-0.5 pr-2.5 pl-0.5 text-sm text-ink'
                : 'flex items-center gap-1.5 rounded-full border border-line bg-sunken py-0.5 pr-2.5 pl-0.5 text-sm text-ink'
            }
          >
            <Avatar name={a.name} color={stakeholder ? '#57534e' : colorForUser(a.userId!)} size="sm" label="" />
            <span>{a.name}</span>
            <span className="text-xs text-muted">{stakeholder ? '(stakeholder)' : '(member)'}</span>
          </li>
        );
      })}
    </ul>
  );
}

function AttendeeEditor({ meeting, choices }: { meeting: MeetingSummary; choices: AttendeeChoices }) {
  const trpc = useTRPC();
  const router = useRouter();
  const stored = () => meeting.attendees.map(attendeeRef).filter((a): a is AttendeeRef => a !== null);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<AttendeeRef[]>(stored);
  const save = useMutation(
    trpc.meeting.update.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );
  // Opening starts from what is stored (someone else may have changed it).
  const onOpenChange = (next: boolean) => {
    if (next) setChosen(stored());
    save.reset();
    setOpen(next);
  };
  return (
    <AttendeePicker
      label="Edit attendees"
      choices={choices}
      value={chosen}
      onChange={setChosen}
      open={open}
      onOpenChange={onOpenChange}
      footer={
        <div className="space-y-2 border-t border-line pt-3">
          <ErrorMessage>{save.error?.message}</ErrorMessage>
          <div className="flex gap-2">
            <Button size="sm" variant="primary" disabled={save.isPending} onClick={() => save.mutate({ meetingId: meeting.id, attendees: chosen })}>
              {save.isPending ? 'Saving…' : 'Save attendees'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
          </div>
        </div>
      }
    />
  );
}

/** Title, start and duration, behind an "Edit details" button. */
function DetailsEditor({ meeting }: { meeting: MeetingSummary }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const start = new Date(meeting.startsAt);
  const [title, setTitle] = useState(meeting.title);
  const [date, setDate] = useState<string | null>(format(start, 'yyyy-MM-dd'));
  const [time, setTime] = useState(format(start, 'HH:mm'));
  const [duration, setDuration] = useState(String(meeting.durationMinutes));
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) titleInput.current?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const save = useMutation(
    trpc.meeting.update.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );

  const openForm = () => {
    const now = new Date(meeting.startsAt);
    setTitle(meeting.title);
    setDate(format(now, 'yyyy-MM-dd'));
    setTime(format(now, 'HH:mm'));
    setDuration(String(meeting.durationMinutes));
    setProblem(null);
    save.reset();
    setOpen(true);
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!title.trim()) return setProblem('A meeting needs a title.');
    if (!date || !/^\d{2}:\d{2}$/.test(time)) return setProblem('Choose the day and time the meeting starts.');
    const minutes = Number(duration);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > durationMinutesMax) return setProblem(`The duration must be 5 to ${durationMinutesMax} minutes.`);
    // The date and time as this person reads them, in their own time zone.
    save.mutate({ meetingId: meeting.id, title: title.trim(), startsAt: new Date(`${date}T${time}`).toISOString(), durationMinutes: minutes });
  }

  if (!open) {
    return (
      <Button ref={toggle} size="sm" aria-expanded={false} onClick={openForm}>
        Edit details
      </Button>
    );
  }
  return (
    <form
      aria-label="Edit meeting details"
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          setOpen(false);
        }
      }}
      className="flex w-full max-w-md flex-col gap-3 rounded-lg border border-line bg-surface p-3 shadow-sm"
    >
      <MeetingScheduleFields
        idPrefix="meeting-edit"
        value={{ title, date, time, duration }}
        onChange={(change) => {
          if (change.title !== undefined) setTitle(change.title);
          if (change.date !== undefined) setDate(change.date);
          if (change.time !== undefined) setTime(change.time);
          if (change.duration !== undefined) setDuration(change.duration);
        }}
        titleRef={titleInput}
      />
      <ErrorMessage>{problem ?? save.error?.message}</ErrorMessage>
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save details'}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function DeleteMeeting({ meeting }: { meeting: MeetingSummary }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.meeting.delete.mutationOptions({ onSuccess: () => router.push(`/p/${meeting.projectId}/meetings`) }));
  return (
    <div className="space-y-1">
      <ConfirmButton
        label="Delete meeting"
        question="Delete this meeting, its notes and minutes?"
        confirmLabel="Delete"
        pending={remove.isPending || remove.isSuccess}
        onConfirm={() => remove.mutate({ meetingId: meeting.id })}
      />
      <ErrorMessage>{remove.error?.message}</ErrorMessage>
    </div>
  );
}
