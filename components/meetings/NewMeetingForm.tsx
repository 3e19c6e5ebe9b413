'use client';
// "New meeting": title, start (date and time), duration, series and attendees. Choosing a series
// pre-fills the form from that series' previous meeting (its title, the next date of its cadence, its
// length, its attendees),
// as the server proposes it; the new meeting's board then opens.
import { useMutation } from '@tanstack/react-query';
import { addDays, format } from 'date-fns';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { MeetingScheduleFields } from './MeetingScheduleFields';
import { AttendeePicker, attendeeKey, attendeeRef, type AttendeeChoices, type AttendeeRef } from './AttendeePicker';
import { durationMinutesMax, meetingSeries, seriesDefaults, seriesLabels, type MeetingSeries } from '@/server/domain/meeting';

const defaultStart = () => ({ date: format(addDays(new Date(), 1), 'yyyy-MM-dd'), time: '10:00' });

export function NewMeetingForm({ projectId, choices }: { projectId: string; choices: AttendeeChoices }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const hydrated = useHydrated();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState<string | null>(() => defaultStart().date);
  const [time, setTime] = useState(() => defaultStart().time);
  const [duration, setDuration] = useState(String(seriesDefaults['weekly-sync'].durationMinutes));
  const [series, setSeries] = useState<MeetingSeries>('weekly-sync');
  const [attendees, setAttendees] = useState<AttendeeRef[]>([]);
  const [prefill, setPrefill] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const create = useMutation(trpc.meeting.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/p/${projectId}/meetings/${id}`) }));

  async function chooseSeries(next: MeetingSeries) {
    setSeries(next);
    setPrefill(null);
    try {
      const proposal = await client.meeting.nextInSeries.query({ projectId, series: next });
      setDuration(String(proposal.durationMinutes));
      // A series without a previous meeting proposes its name and usual length; a title typed already stays.
      if (!proposal.previousMeetingId) return void setTitle((typed) => typed || proposal.title);
      setTitle(proposal.title);
      // Only those who are still members or stakeholders: the server refuses anyone else.
      const offered = new Set([...choices.members.map((m) => attendeeKey({ userId: m.userId })), ...choices.stakeholders.map((st) => attendeeKey({ stakeholderId: st.id }))]);
      setAttendees(proposal.attendees.map(attendeeRef).filter((a): a is AttendeeRef => a !== null && offered.has(attendeeKey(a))));
      if (proposal.startsAt) {
        const startsAt = new Date(proposal.startsAt);
        setDate(format(startsAt, 'yyyy-MM-dd'));
        setTime(format(startsAt, 'HH:mm'));
      }
      setPrefill(`Filled in from the previous ${seriesLabels[next].toLowerCase()}.`);
    } catch {
      setDuration(String(seriesDefaults[next].durationMinutes));
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!title.trim()) return setProblem('A meeting needs a title.');
    if (!date || !/^\d{2}:\d{2}$/.test(time)) return setProblem('Choose the day and time the meeting starts.');
    const minutes = Number(duration);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > durationMinutesMax) return setProblem(`The duration must be 5 to ${durationMinutesMax} minutes.`);
    // The date and time as this person reads them, in their own time zone.
    const startsAt = new Date(`${date}T${time}`).toISOString();
    create.mutate({ projectId, title: title.trim(), startsAt, durationMinutes: minutes, series, attendees });
  }

  const busy = create.isPending || create.isSuccess;
  return (
    <form onSubmit={onSubmit} aria-label="New meeting" className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
      <h2 className="text-sm font-semibold text-ink">New meeting</h2>
      <Field label="Series" htmlFor="meeting-series">
        <Select id="meeting-series" value={series} onChange={(e) => void chooseSeries(e.target.value as MeetingSeries)}>
          {meetingSeries.map((s) => (
            <option key={s} value={s}>
              {seriesLabels[s]}
            </option>
          ))}
        </Select>
      </Field>
      {prefill ? (
        <p role="status" className="-mt-2 text-xs text-muted">
          {prefill}
        </p>
      ) : null}
      <MeetingScheduleFields
        idPrefix="meeting"
        value={{ title, date, time, duration }}
        onChange={(change) => {
          if (change.title !== undefined) setTitle(change.title);
          if (change.date !== undefined) setDate(change.date);
          if (change.time !== undefined) setTime(change.time);
          if (change.duration !== undefined) setDuration(change.duration);
        }}
        titlePlaceholder="Weekly sync"
      />
      <AttendeePicker label="Attendees" choices={choices} value={attendees} onChange={setAttendees} />
      <ErrorMessage>{problem ?? create.error?.message}</ErrorMessage>
      <Button type="submit" variant="primary" disabled={!hydrated || busy}>
        {busy ? 'Creating…' : 'Create meeting'}
      </Button>
    </form>
  );
}
