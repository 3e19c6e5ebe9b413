// Alerts on tech items (end of life past and soon, major behind, hold in use, denied licence), the
// licence deny list's matching, and the workspace radar's merge.
import { describe, expect, it } from 'vitest';
import { itemAlerts, techAlerts, type AlertItem } from '@/server/domain/techAlerts';
import { deniedLicenceOf, licenceKey, normaliseDenyList } from '@/server/domain/techLicences';
import { mergeRadar, type RadarItem, type RadarProject } from '@/server/domain/techRadar';

const item = (fields: Partial<AlertItem> = {}): AlertItem => ({
  id: fields.id ?? 'i1',
  name: 'PostgreSQL',
  version: '12',
  latestVersion: null,
  eolDate: null,
  ring: 'adopt',
  licence: '',
  ownerId: null,
  ...fields,
});
const today = '2027-03-01';
const kinds = (alerts: { kind: string }[]) => alerts.map((a) => a.kind);

describe('itemAlerts', () => {
  it('end of life: past the day before, "today" on the day, soon up to 90 days ahead, nothing from 91 days', () => {
    expect(itemAlerts(item({ eolDate: '2027-02-28' }), today, [])).toEqual([
      {
        itemId: 'i1',
        itemName: 'PostgreSQL',
        kind: 'eol_past',
        message: 'PostgreSQL 12 reached its end of life on 28 Feb 2027: it no longer gets security fixes.',
        riskTitle: 'PostgreSQL 12 is past its end of life',
        ownerId: null,
      },
    ]);
    expect(itemAlerts(item({ eolDate: today }), today, [])[0]!.message).toBe('PostgreSQL 12 reaches its end of life today (1 Mar 2027): plan the upgrade.');
    expect(itemAlerts(item({ eolDate: '2027-03-02' }), today, [])[0]!.message).toBe('PostgreSQL 12 reaches its end of life in 1 day (2 Mar 2027): plan the upgrade.');
    expect(kinds(itemAlerts(item({ eolDate: '2027-05-30' }), today, []))).toEqual(['eol_soon']); // 90 days
    expect(itemAlerts(item({ eolDate: '2027-05-31' }), today, [])).toEqual([]); // 91 days
  });

  it('major behind: only when both versions read as versions and the latest major is higher', () => {
    const [alert] = itemAlerts(item({ name: 'Node.js', version: '18.19.0', latestVersion: '22.1.0', ownerId: 'u1' }), today, []);
    expect(alert).toEqual({
      itemId: 'i1',
      itemName: 'Node.js',
      kind: 'major_behind',
      message: 'Node.js 18.19.0 is 4 major versions behind the latest (22.1.0): upgrades get harder the longer they wait.',
      riskTitle: 'Node.js is 4 major versions behind (18 in use, 22 out)',
      ownerId: 'u1',
    });
    expect(itemAlerts(item({ version: '16.1', latestVersion: '17.0' }), today, [])[0]!.message).toContain('is 1 major version behind');
    expect(itemAlerts(item({ version: '17.1', latestVersion: '17.4' }), today, [])).toEqual([]);
    expect(itemAlerts(item({ version: 'cloud', latestVersion: '17.4' }), today, [])).toEqual([]);
  });

  it('hold in use and a denied licence', () => {
    expect(itemAlerts(item({ name: 'moment', version: '2.30.1', ring: 'hold' }), today, [])).toMatchObject([
      { kind: 'hold_in_use', message: 'moment is on hold (the radar says not to build more on it) but the project still uses it.', riskTitle: 'moment is on hold but still in use' },
    ]);
    expect(itemAlerts(item({ name: 'Grafana', licence: 'AGPL-3.0-only' }), today, ['AGPL-3.0'])).toMatchObject([
      { kind: 'licence_denied', message: 'Grafana is licensed under AGPL-3.0-only, which the workspace does not allow (AGPL-3.0).' },
    ]);
    expect(itemAlerts(item({ licence: 'MIT' }), today, ['AGPL-3.0'])).toEqual([]);
  });

  it('a risk title stays within the risk board’s 200 characters', () => {
    const [alert] = itemAlerts(item({ name: 'x'.repeat(300), ring: 'hold' }), today, []);
    expect(alert!.riskTitle).toHaveLength(200);
    expect(alert!.riskTitle.endsWith('…')).toBe(true);
  });

  it('techAlerts: most pressing kinds first, then by item name', () => {
    const alerts = techAlerts(
      [
        item({ id: 'a', name: 'Zeta', ring: 'hold', eolDate: '2027-01-01' }),
        item({ id: 'b', name: 'Alpha', ring: 'hold', version: '1', latestVersion: '3' }),
        item({ id: 'c', name: 'Mongo', licence: 'SSPL-1.0', eolDate: '2027-04-01' }),
      ],
      today,
      ['SSPL-1.0'],
    );
    expect(alerts.map((a) => `${a.itemName}:${a.kind}`)).toEqual(['Zeta:eol_past', 'Mongo:licence_denied', 'Mongo:eol_soon', 'Alpha:hold_in_use', 'Zeta:hold_in_use', 'Alpha:major_behind']);
  });
});

describe('licence deny list', () => {
  it('licenceKey ignores case and the SPDX only/or-later/+ suffixes', () => {
    expect(licenceKey(' AGPL-3.0-or-later ')).toBe('agpl-3.0');
    expect(licenceKey('agpl-3.0+')).toBe('agpl-3.0');
    expect(licenceKey('GPL-2.0-only')).toBe('gpl-2.0');
  });

  it('normaliseDenyList keeps one of each, first spelling, in order', () => {
    expect(normaliseDenyList([' AGPL-3.0 ', 'SSPL-1.0', 'agpl-3.0-only', '', 'BUSL-1.1'])).toEqual(['AGPL-3.0', 'SSPL-1.0', 'BUSL-1.1']);
  });

  it('an SPDX OR is denied only when every choice is; an AND when any part is; WITH exceptions are ignored', () => {
    const denied = ['GPL-3.0', 'AGPL-3.0'];
    expect(deniedLicenceOf('MIT OR GPL-3.0', denied)).toBeNull();
    expect(deniedLicenceOf('GPL-3.0-only OR AGPL-3.0-or-later', denied)).toBe('GPL-3.0');
    expect(deniedLicenceOf('MIT AND AGPL-3.0', denied)).toBe('AGPL-3.0');
    expect(deniedLicenceOf('(GPL-3.0 WITH Classpath-exception-2.0)', denied)).toBe('GPL-3.0');
    expect(deniedLicenceOf('', denied)).toBeNull();
    expect(deniedLicenceOf('GPL-3.0', [])).toBeNull();
  });
});

describe('mergeRadar', () => {
  const projects: RadarProject[] = [
    { id: 'p1', name: 'Web', archivedAt: null, lastReviewedAt: new Date('2027-02-01T00:00:00Z') },
    { id: 'p2', name: 'API', archivedAt: null, lastReviewedAt: null },
    { id: 'p3', name: 'Legacy', archivedAt: new Date('2026-12-01T00:00:00Z'), lastReviewedAt: null },
  ];
  const blip = (fields: Partial<RadarItem> & { id: string; projectId: string; name: string }): RadarItem => ({
    kind: 'library',
    ecosystem: 'npm',
    version: '1.0.0',
    eolDate: null,
    quadrant: 'languages-frameworks',
    ring: 'adopt',
    ringChangedAt: null,
    ...fields,
  });

  it('groups by ecosystem and name (case aside), takes the most cautious ring of live projects, flags hold in a live project', () => {
    const blips = mergeRadar(projects, [
      blip({ id: 'a', projectId: 'p1', name: 'React', ring: 'adopt' }),
      blip({ id: 'b', projectId: 'p2', name: 'react', ring: 'trial', eolDate: '2028-01-01' }),
      blip({ id: 'c', projectId: 'p3', name: 'react', ring: 'hold', eolDate: '2027-06-01' }),
      blip({ id: 'd', projectId: 'p2', name: 'moment', ring: 'hold', ringChangedAt: new Date('2027-02-10T00:00:00Z') }),
      blip({ id: 'e', projectId: 'p1', name: 'moment', ring: 'adopt', ringChangedAt: new Date('2027-02-10T00:00:00Z') }),
      blip({ id: 'f', projectId: 'p1', name: 'React', ecosystem: null, kind: 'software', quadrant: 'platforms' }),
      blip({ id: 'g', projectId: 'p9', name: 'unknown project' }),
    ]);
    expect(blips.map((b) => [b.key, b.ring, b.rings, b.holdInActiveProject, b.movedSinceReview, b.eolDate, b.usedBy.map((u) => u.itemId)])).toEqual([
      ['npm:moment', 'hold', ['hold', 'adopt'], true, true, null, ['d', 'e']],
      // Same name: the hand-entered one first (by key).
      ['manual:react', 'adopt', ['adopt'], false, false, null, ['f']],
      // The archived project's hold does not decide the ring of a technology live projects use.
      ['npm:react', 'trial', ['hold', 'trial', 'adopt'], false, false, '2027-06-01', ['b', 'c', 'a']],
    ]);
    // Moved after Web's review (1 Feb) counts; API was never reviewed, so nothing there counts as moved.
    expect(blips[0]!.usedBy.map((u) => [u.projectName, u.movedSinceReview])).toEqual([
      ['API', false],
      ['Web', true],
    ]);
  });

  it('a technology only archived projects use keeps their ring and does not stand out', () => {
    const [only] = mergeRadar(projects, [blip({ id: 'x', projectId: 'p3', name: 'jQuery', ring: 'hold' })]);
    expect(only).toMatchObject({ ring: 'hold', holdInActiveProject: false, usedBy: [{ projectName: 'Legacy', archived: true }] });
  });
});
