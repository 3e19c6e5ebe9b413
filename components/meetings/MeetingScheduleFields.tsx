'use client';
// A meeting's title, day, time and length as one set of fields, shared by the new-meeting form and
// the board's "Edit details" (the state stays with the form that owns it).
import type { Ref } from 'react';
import { DateField } from '@/components/ui/date-field';
import { Field, Input } from '@/components/ui/field';
import { durationMinutesMax, meetingTitleMax } from '@/server/domain/meeting';

export interface MeetingSchedule {
  title: string;
  date: string | null;
  time: string;
  duration: string;
}

export function MeetingScheduleFields({
  idPrefix,
  value,
  onChange,
  titleRef,
  titlePlaceholder,
}: {
  /** Distinguishes the fields' ids, e.g. `meeting` or `meeting-edit`. */
  idPrefix: string;
  value: MeetingSchedule;
  onChange: (change: Partial<MeetingSchedule>) => void;
  titleRef?: Ref<HTMLInputElement>;
  titlePlaceholder?: string;
}) {
  return (
    <>
      <Field label="Title" htmlFor={`${idPrefix}-title`}>
        <Input
          ref={titleRef}
          id={`${idPrefix}-title`}
          value={value.title}
          maxLength={meetingTitleMax}
          onChange={(e) => onChange({ title: e.target.value })}
          placeholder={titlePlaceholder}
          required
        />
      </Field>
      <div className="grid grid-cols-[1fr_7rem] gap-3">
        <Field label="Date" htmlFor={`${idPrefix}-date`}>
          <DateField id={`${idPrefix}-date`} value={value.date} label="Meeting date" onCommit={(date) => onChange({ date })} />
        </Field>
        <Field label="Time" htmlFor={`${idPrefix}-time`}>
          <Input id={`${idPrefix}-time`} type="time" value={value.time} onChange={(e) => onChange({ time: e.target.value })} required />
        </Field>
      </div>
      <Field label="Duration (minutes)" htmlFor={`${idPrefix}-duration`}>
        <Input
          id={`${idPrefix}-duration`}
          type="number"
          inputMode="numeric"
          min={5}
          max={durationMinutesMax}
          value={value.duration}
          onChange={(e) => onChange({ duration: e.target.value })}
        />
      </Field>
    </>
  );
}
