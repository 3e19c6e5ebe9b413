'use client';
// The people page's client root: the allocation grid and the people, staffing needs and what-if
// panels, all read from tRPC (the server page prefetched the first answers) and written through it.
// The people board `people:<workspaceId>` adds presence and a change signal: whenever its revision
// moves (someone saved, or this tab reconnected) every resources answer on the page is fetched again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { peopleBoardNotConnected, type PeopleBoardState } from '@/components/live/gridPresence';
import { PresenceAvatars } from '@/components/live/PresenceAvatars';
import { useTRPC } from '@/components/trpc/client';
import { ErrorMessage } from '@/components/ui/alert';
import { colorForUser } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { BandSettings } from './BandSettings';
import { expandGrid, withAllocation } from './gridModel';
import { AllocationDialog, type AllocationDraft, type AllocationValues } from './AllocationDialog';
import { AllocationGrid, type GapRow } from './AllocationGrid';
import { filterChoices, filterPeople, mondayOf, noFilters, readableError, shiftWeeks, sundayAfter, zoomWeeks, type Allocation, type GridData, type GridFilters, type IsoDate, type Zoom } from './model';
import { PeoplePanel, type PeopleActions } from './PeoplePanel';
import { ScenarioPanel } from './ScenarioPanel';
import { StaffingPanel, type ProjectStaffing } from './StaffingPanel';

const PeopleBoardConnector = dynamic(() => import('@/components/live/PeopleBoardConnector'), { ssr: false });

const messageOf = readableError;

export function ResourcesPage({
  workspaceId,
  workspaceName,
  me,
  initialFrom,
}: {
  workspaceId: string;
  workspaceName: string;
  me: { id: string; name: string };
  /** The first Monday shown (the server page prefetched the grid from it). */
  initialFrom: IsoDate;
}) {
  const trpc = useTRPC();
  const uid = useId();
  const queryClient = useQueryClient();
  const user = useMemo(() => ({ id: me.id, name: me.name, color: colorForUser(me.id) }), [me.id, me.name]);
  const [board, setBoard] = useState<PeopleBoardState>(peopleBoardNotConnected);
  const [zoom, setZoom] = useState<Zoom>('weeks');
  const [from, setFrom] = useState(initialFrom);
  const [filters, setFilters] = useState<GridFilters>(noFilters);
  const [dialog, setDialog] = useState<AllocationDraft | null>(null);
  const [gridError, setGridError] = useState<string | null>(null);
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const range = { workspaceId, from, weeks: zoomWeeks[zoom].weeks };
  // The answer is compact (no cells): expandGrid works every cell out here, once per answer.
  const grid = useQuery({ ...trpc.resources.grid.queryOptions(range), placeholderData: keepPreviousData, select: expandGrid });
  const staffing = useQuery({ ...trpc.staffing.forWorkspace.queryOptions(range), placeholderData: keepPreviousData });
  const scenarios = useQuery(trpc.scenario.list.queryOptions({ workspaceId }));
  const compare = useQuery({
    // Over every week the scenario's changes touch (the server works the window out), not only the grid's.
    ...trpc.scenario.compare.queryOptions({ scenarioId: scenarioId ?? '' }),
    enabled: scenarioId !== null,
    retry: false,
  });

  /** Fetches everything on the page again; resolves once the new answers are in. */
  const refresh = useCallback(
    () =>
      Promise.all(
        [trpc.resources, trpc.staffing, trpc.scenario, trpc.people, trpc.allocation].map((router) => queryClient.invalidateQueries({ queryKey: router.pathKey() })),
      ),
    [queryClient, trpc],
  );

  // The board's revision moves when anyone's write is committed, and at each reconnection.
  useEffect(() => {
    if (board.revision > 0) void refresh();
  }, [board.revision, refresh]);

  const addPerson = useMutation(trpc.people.add.mutationOptions());
  const updatePerson = useMutation(trpc.people.update.mutationOptions());
  const removePerson = useMutation(trpc.people.remove.mutationOptions());
  const addTimeOff = useMutation(trpc.people.addTimeOff.mutationOptions());
  const removeTimeOff = useMutation(trpc.people.removeTimeOff.mutationOptions());
  const upsertAllocation = useMutation(trpc.allocation.upsert.mutationOptions());
  const removeAllocation = useMutation(trpc.allocation.remove.mutationOptions());
  const addNeed = useMutation(trpc.staffing.addNeed.mutationOptions());
  const removeNeed = useMutation(trpc.staffing.removeNeed.mutationOptions());
  const createScenario = useMutation(trpc.scenario.create.mutationOptions());
  const addChange = useMutation(trpc.scenario.addChange.mutationOptions());
  const removeChange = useMutation(trpc.scenario.removeChange.mutationOptions());
  const applyScenario = useMutation(trpc.scenario.applyChanges.mutationOptions());
  const discardScenario = useMutation(trpc.scenario.discard.mutationOptions());
  const updateSettings = useMutation(trpc.resources.updateSettings.mutationOptions());

  // An edge dragged or moved from the keyboard shows at once: the editing tab works out its
  // person's cells itself (withAllocation) until the server's next answer replaces them.
  const [optimistic, setOptimistic] = useState<{ base: GridData; shown: GridData } | null>(null);
  const data: GridData | undefined = optimistic && optimistic.base === grid.data ? optimistic.shown : grid.data;
  const canEdit = data?.canEdit ?? false;
  const people = useMemo(() => data?.people ?? [], [data]);
  const shownPeople = useMemo(() => filterPeople(people, data?.allocations ?? [], filters), [people, data, filters]);
  const choices = useMemo(() => filterChoices(people), [people]);

  const gapRows = useMemo<GapRow[]>(() => {
    if (!data) return [];
    const names = new Map(data.projects.map((p) => [p.id, p.name]));
    return (staffing.data ?? ([] as ProjectStaffing[]))
      .filter((s) => !filters.projectId || s.projectId === filters.projectId)
      .flatMap((s) =>
        // A need outside the shown weeks is listed in the staffing panel, not given an empty row here.
        s.needs.filter((need) => need.weeks.length > 0).map((need) => {
          const byWeek = new Map(need.weeks.map((w) => [w.week, w.gapHours]));
          return {
            key: need.id,
            label: `${names.get(s.projectId) ?? 'A project'}: ${need.count} × ${need.skill}`,
            gapHours: data.weeks.map((week) => byWeek.get(week) ?? null),
          };
        }),
      );
  }, [data, staffing.data, filters.projectId]);

  const withRefresh =
    <A extends unknown[]>(action: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      await action(...args);
      await refresh();
    };

  const peopleActions: PeopleActions = {
    add: withRefresh((v) => addPerson.mutateAsync({ workspaceId, ...v })),
    update: withRefresh((person, v) => updatePerson.mutateAsync({ personId: person.id, version: person.version, ...v })),
    remove: withRefresh((person) => removePerson.mutateAsync({ personId: person.id })),
    addTimeOff: withRefresh((person, r) => addTimeOff.mutateAsync({ personId: person.id, from: r.from, to: r.to, ...(r.reason ? { reason: r.reason } : {}) })),
    removeTimeOff: withRefresh((_person, t) => removeTimeOff.mutateAsync({ timeOffId: t.id })),
  };

  const saveAllocation = withRefresh((v: AllocationValues) => {
    const { workstreamId, ...rest } = v;
    return upsertAllocation.mutateAsync({ ...rest, ...(workstreamId ? { workstreamId } : {}) });
  });

  const resize = useCallback(
    async (allocation: Allocation, dates: { from: IsoDate; to: IsoDate }) => {
      setGridError(null);
      if (grid.data) setOptimistic({ base: grid.data, shown: withAllocation(grid.data, { ...allocation, from: dates.from, to: dates.to }) });
      try {
        await upsertAllocation.mutateAsync({
          id: allocation.id,
          personId: allocation.personId,
          projectId: allocation.projectId,
          from: dates.from,
          to: dates.to,
          ...(allocation.hoursPerWeek !== null ? { hoursPerWeek: allocation.hoursPerWeek } : { percent: allocation.percent ?? 0 }),
          ...(allocation.workstreamId ? { workstreamId: allocation.workstreamId } : {}),
        });
        await refresh();
        setOptimistic(null);
      } catch (e) {
        setOptimistic(null);
        setGridError(messageOf(e));
      }
    },
    [grid.data, upsertAllocation, refresh],
  );

  const openDialog = (draft: AllocationDraft) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(draft);
  };
  const closeDialog = useCallback(() => setDialog(null), []);
  // Once the dialog is gone (and the page no longer inert), focus goes back to the control that
  // opened it (a cell, a bar or the Add button), if it is still there.
  useEffect(() => {
    if (dialog || !opener.current) return;
    if (opener.current.isConnected) opener.current.focus();
    opener.current = null;
  }, [dialog]);

  const step = (direction: -1 | 1) => setFrom((f) => shiftWeeks(f, direction * zoomWeeks[zoom].step));
  const liveText = board.refusal ? `Not live: ${board.refusal}` : board.status === 'saved' ? 'Live' : board.status === 'offline' ? 'Offline: reconnecting…' : 'Connecting…';

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6">
      <PeopleBoardConnector workspaceId={workspaceId} user={user} onChange={setBoard} />
      <header className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1">
          <p className="text-xs text-muted">
            <Link href="/projects" className="hover:text-ink hover:underline">
              {workspaceName}
            </Link>
          </p>
          <h1 className="text-xl font-semibold tracking-tight">People</h1>
          <p className="text-sm text-muted">
            {canEdit ? 'Who works on what, week by week, across every project of the workspace.' : 'Read only: owners and editors of this workspace’s projects change allocations.'}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <PresenceAvatars peers={board.present} label="On the grid" size="sm" />
          <span data-testid="grid-live" aria-live="polite" className="text-xs text-muted">
            {liveText}
          </span>
        </div>
      </header>

      <section aria-labelledby="grid-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
          <h2 id="grid-heading" className="text-sm font-semibold">
            Allocation grid
          </h2>
          <div role="group" aria-label="Zoom" className="flex rounded-md border border-line-strong bg-surface p-0.5">
            {(['weeks', 'months'] as const).map((z) => (
              <button
                key={z}
                type="button"
                aria-pressed={zoom === z}
                onClick={() => setZoom(z)}
                className={`h-7 rounded px-2.5 text-[13px] font-medium ${zoom === z ? 'bg-accent text-on-accent' : 'text-muted hover:bg-hover hover:text-ink'}`}
              >
                {z === 'weeks' ? 'Weeks' : 'Months'}
              </button>
            ))}
          </div>
          <div role="group" aria-label="Weeks shown" className="flex items-center gap-1">
            <Button size="sm" variant="ghost" onClick={() => step(-1)}>
              ← Earlier
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setFrom(mondayOf(new Date().toISOString().slice(0, 10)))}>
              This week
            </Button>
            <Button size="sm" variant="ghost" onClick={() => step(1)}>
              Later →
            </Button>
          </div>
          {canEdit ? (
            <Button size="sm" variant="primary" className="ml-auto" disabled={!people.length || !data?.projects.length} onClick={() => openDialog({ from, to: sundayAfter(shiftWeeks(from, 3)) })}>
              Add allocation
            </Button>
          ) : null}
        </div>
        <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filters">
          <Field label="Skill" htmlFor={`${uid}-skill`}>
            <Select id={`${uid}-skill`} value={filters.skill} onChange={(e) => setFilters((f) => ({ ...f, skill: e.target.value }))} className="w-40">
              <option value="">Any skill</option>
              {choices.skills.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Project" htmlFor={`${uid}-projectId`}>
            <Select id={`${uid}-projectId`} value={filters.projectId} onChange={(e) => setFilters((f) => ({ ...f, projectId: e.target.value }))} className="w-48">
              <option value="">Any project</option>
              {(data?.projects ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Role" htmlFor={`${uid}-role`}>
            <Select id={`${uid}-role`} value={filters.role} onChange={(e) => setFilters((f) => ({ ...f, role: e.target.value }))} className="w-40">
              <option value="">Any role</option>
              {choices.roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          </Field>
          {filters.skill || filters.projectId || filters.role ? (
            <Button size="sm" variant="ghost" onClick={() => setFilters(noFilters)}>
              Clear filters
            </Button>
          ) : null}
          <Legend settings={data?.settings} />
        </div>
        <ErrorMessage>{gridError}</ErrorMessage>
        {grid.isError ? <ErrorMessage>{`The grid could not be read: ${grid.error.message}`}</ErrorMessage> : null}
        {data ? (
          <AllocationGrid
            data={data}
            people={shownPeople}
            projectFilter={filters.projectId}
            zoom={zoom}
            others={board.others}
            gapRows={gapRows}
            onFocusCell={board.setFocus}
            onResize={resize}
            onOpenAllocation={(allocation) => openDialog({ allocation })}
            onNewAllocation={(personId, monday) => openDialog({ personId, from: monday, to: sundayAfter(shiftWeeks(monday, 3)) })}
          />
        ) : grid.isPending ? (
          <p className="text-sm text-muted">Loading the grid…</p>
        ) : null}
        {canEdit && data ? (
          <BandSettings
            settings={data.settings}
            onSave={withRefresh((settings: GridData['settings']) => updateSettings.mutateAsync({ workspaceId, ...settings }))}
          />
        ) : null}
        {canEdit ? (
          <p className="text-xs text-muted">
            Keyboard: arrow keys move between cells, Enter starts an allocation there; Tab reaches each bar’s edges, where arrow keys move the edge a week and Enter saves.
          </p>
        ) : null}
      </section>

      <PeoplePanel people={people} canEdit={canEdit} actions={peopleActions} />

      <StaffingPanel
        projects={data?.projects ?? []}
        staffing={staffing.data ?? []}
        canEdit={canEdit}
        onAdd={withRefresh((v) => addNeed.mutateAsync(v))}
        onRemove={withRefresh((need) => removeNeed.mutateAsync({ needId: need.id }))}
      />

      <ScenarioPanel
        scenarios={scenarios.data ?? []}
        selectedId={scenarioId}
        onSelect={setScenarioId}
        people={people}
        projects={data?.projects ?? []}
        allocations={data?.allocations ?? []}
        compare={{ cells: compare.data?.cells ?? [], window: compare.data?.window ?? null, loading: scenarioId !== null && compare.isPending, error: compare.isError ? compare.error.message : null }}
        canEdit={canEdit}
        onCreate={async (name) => {
          const created = await createScenario.mutateAsync({ workspaceId, name });
          await refresh();
          setScenarioId(created.id);
        }}
        onAddChange={withRefresh((id, change) => addChange.mutateAsync({ scenarioId: id, change }))}
        onRemoveChange={withRefresh((id, index) => removeChange.mutateAsync({ scenarioId: id, index }))}
        onApply={async (id) => {
          await applyScenario.mutateAsync({ scenarioId: id });
          setScenarioId(null);
          await refresh();
        }}
        onDiscard={async (id) => {
          await discardScenario.mutateAsync({ scenarioId: id });
          setScenarioId(null);
          await refresh();
        }}
      />

      {dialog && data ? (
        <AllocationDialog
          draft={dialog}
          people={people}
          projects={data.projects}
          canEdit={canEdit}
          onSave={saveAllocation}
          onRemove={withRefresh((allocation) => removeAllocation.mutateAsync({ allocationId: allocation.id }))}
          onClose={closeDialog}
        />
      ) : null}
    </div>
  );
}

function Legend({ settings }: { settings: GridData['settings'] | undefined }) {
  const under = settings?.underMaxPercent ?? 80;
  const healthy = settings?.healthyMaxPercent ?? 100;
  const swatch = 'util-cell inline-block h-4 w-6 rounded-sm border border-line align-middle';
  return (
    <ul aria-label="Legend" className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className={swatch} data-band="under" data-allocated="yes" />
        Under (≤ {under}%, dotted)
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className={swatch} data-band="healthy" />
        Healthy (≤ {healthy}%)
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className={swatch} data-band="over" />
        Over (&gt; {healthy}%, striped)
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className={swatch} data-band="under" data-off="full" />
        Time off (hatched grey)
      </li>
    </ul>
  );
}
