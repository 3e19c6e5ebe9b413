// Writing a whole plan into a plan document: items added then updated by id, dependencies (a loop
// or an unknown item refused), goals, stakeholders, RACI and the charter.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readCharter, readDependencies, readGoals, readPlanItems, readRaci, readStakeholders } from '@/server/collab/boards/planDocument';
import { importPlan } from '@/server/collab/boards/planImport';
import { PlanImportError } from '@/server/domain/planImport';

const launch = { id: 'launch', fields: { kind: 'milestone' as const, title: 'Launch', end: '2027-03-01' } };
const build = { id: 'build', fields: { kind: 'workstream' as const, title: 'Build', start: '2027-01-04', end: '2027-02-19', milestoneId: 'launch' } };

describe('plan import', () => {
  it('adds items, dependencies, goals, stakeholders and the charter; a second import updates items by id', () => {
    const doc = new Y.Doc();
    const result = importPlan(
      doc,
      {
        items: [launch, build],
        dependencies: [{ fromId: 'build', toId: 'launch' }],
        goals: [{ id: 'g1', title: 'Tenants migrated', metric: '%', target: 100 }],
        stakeholders: [{ id: 's1', name: 'Payments leadership', influence: 5, interest: 4 }],
        raci: [
          { subjectId: 'launch', stakeholderId: 's1', role: 'A' },
          { subjectId: 'g1', stakeholderId: 's1', role: 'I' },
        ],
        charter: { vision: 'Everyone on Atlas', scope: ['Billing'], nonGoals: ['Reporting'] },
      },
      'user-1',
    );
    expect(result).toEqual({ created: 2, updated: 0, dependencies: 1 });
    expect(readPlanItems(doc).find((i) => i.id === 'build')).toMatchObject({ kind: 'workstream', milestoneId: 'launch', end: '2027-02-19' });
    expect(readDependencies(doc)).toMatchObject([{ fromId: 'build', toId: 'launch' }]);
    expect(readGoals(doc)).toMatchObject([{ title: 'Tenants migrated', target: 100, baseline: null }]);
    expect(readStakeholders(doc)).toMatchObject([{ name: 'Payments leadership', influence: 5, channel: 'email' }]);
    expect(readCharter(doc)).toEqual({ vision: 'Everyone on Atlas', scope: ['Billing'], nonGoals: ['Reporting'] });
    expect(readRaci(doc)).toEqual(
      expect.arrayContaining([
        { subjectId: 'launch', stakeholderId: 's1', role: 'A' },
        { subjectId: 'g1', stakeholderId: 's1', role: 'I' },
      ]),
    );

    const again = importPlan(doc, { items: [{ id: 'build', fields: { end: '2027-02-26' } }], dependencies: [{ fromId: 'build', toId: 'launch' }] }, 'user-2');
    expect(again).toEqual({ created: 0, updated: 1, dependencies: 0 });
    expect(readPlanItems(doc).find((i) => i.id === 'build')).toMatchObject({ title: 'Build', start: '2027-01-04', end: '2027-02-26' });
    expect(readDependencies(doc)).toHaveLength(1);
  });

  it('refuses a dependency loop and a reference to an unknown item', () => {
    expect(() =>
      importPlan(new Y.Doc(), { items: [launch, build], dependencies: [{ fromId: 'build', toId: 'launch' }, { fromId: 'launch', toId: 'build' }] }, 'u'),
    ).toThrow(PlanImportError);
    expect(() => importPlan(new Y.Doc(), { items: [launch], dependencies: [{ fromId: 'launch', toId: 'nowhere' }] }, 'u')).toThrow(/unknown item/);
    expect(() => importPlan(new Y.Doc(), { items: [build] }, 'u')).toThrow(/unknown milestone/);
    expect(() => importPlan(new Y.Doc(), { items: [launch], raci: [{ subjectId: 'launch', stakeholderId: 'nobody', role: 'R' }] }, 'u')).toThrow(/unknown stakeholder/);
  });
});
