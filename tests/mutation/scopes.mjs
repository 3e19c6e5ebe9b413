// The mutation scopes of server/routers and server/domain: each file with the Vitest files that
// reach it (its unit tests, and the router, status or collaboration tests that run it for real).
// `npm run test:mutation:scopes` runs them one after another through file.config.mjs, each with its
// own incremental file, so a stopped run keeps every finished file; `summary.mjs` adds them up.
const access = ['tests/routers/access.test.ts', 'tests/routers/crossProject.test.ts'];
const routers = (...files) => [...files.map((f) => `tests/routers/${f}.test.ts`), ...access];

export const scopes = [
  // server/routers
  { mutate: 'server/routers/workspace.ts', tests: routers('workspace') },
  { mutate: 'server/routers/itemMeetings.ts', tests: routers('itemMeetings') },
  { mutate: 'server/routers/decision.ts', tests: routers('meeting') },
  { mutate: 'server/routers/meetingSince.ts', tests: routers('meetingSince') },
  { mutate: 'server/routers/action.ts', tests: routers('meeting') },
  { mutate: 'server/routers/raid.ts', tests: routers('raid') },
  { mutate: 'server/routers/plan.ts', tests: routers('plan') },
  { mutate: 'server/routers/projectAccess.ts', tests: routers('accounts', 'project') },
  { mutate: 'server/routers/project.ts', tests: routers('project', 'accounts', 'workspace') },
  { mutate: 'server/routers/meeting.ts', tests: routers('meeting', 'badValues') },
  { mutate: 'server/routers/people.ts', tests: routers('people', 'fuzz') },
  { mutate: 'server/routers/allocation.ts', tests: routers('allocation', 'scenario') },
  { mutate: 'server/routers/resources.ts', tests: routers('resources') },
  { mutate: 'server/routers/staffing.ts', tests: routers('staffing') },
  { mutate: 'server/routers/scenario.ts', tests: routers('scenario') },
  {
    mutate: 'server/routers/status.ts',
    tests: [...routers('status', 'standards'), 'tests/status/audience.test.ts', 'tests/status/corrections.test.ts', 'tests/status/webhooks.test.ts'],
  },
  { mutate: 'server/routers/projectResources.ts', tests: routers('projectResources') },
  // who may see and change a workspace's resources (the rule every resources procedure and the people board use)
  { mutate: 'server/routers/tech.ts', tests: [...routers('tech', 'techRegistry', 'fuzz'), 'tests/status/publicTech.test.ts'] },
  { mutate: 'server/routers/standards.ts', tests: routers('standards', 'fuzz') },
  { mutate: 'server/data/workspaceAccess.ts', tests: [...routers('people', 'allocation'), 'tests/collab/peopleBoard.test.ts'] },
  // server/domain
  { mutate: 'server/domain/roles.ts', tests: ['tests/unit/roles.test.ts', 'tests/routers/access.test.ts'] },
  { mutate: 'server/domain/slug.ts', tests: ['tests/unit/slug.test.ts'] },
  { mutate: 'server/domain/itemLinks.ts', tests: ['tests/unit/itemLinks.test.ts'] },
  { mutate: 'server/domain/dates.ts', tests: ['tests/unit/dates.test.ts'] },
  { mutate: 'server/domain/planImport.ts', tests: ['tests/unit/planImport.test.ts', 'tests/routers/plan.test.ts'] },
  { mutate: 'server/domain/riskHistory.ts', tests: ['tests/unit/riskHistory.test.ts', 'tests/collab/projection.test.ts'] },
  { mutate: 'server/domain/userProfile.ts', tests: ['tests/unit/userProfile.test.ts', 'tests/auth/profileLimits.test.ts', 'tests/collab/presence.test.ts'] },
  { mutate: 'server/domain/meetingSeries.ts', tests: ['tests/unit/meetingSeries.test.ts', 'tests/routers/meeting.test.ts'] },
  { mutate: 'server/domain/planCalendar.ts', tests: ['tests/unit/planCalendar.test.ts', 'tests/routers/plan.test.ts', 'tests/status/publicSite.test.ts'] },
  { mutate: 'server/domain/milestoneSchedule.ts', tests: ['tests/unit/milestoneSchedule.test.ts', 'tests/status/publicSite.test.ts', 'tests/status/publicCache.test.ts', 'tests/unit/status.test.ts'] },
  { mutate: 'server/domain/storableText.ts', tests: ['tests/unit/storableText.test.ts', 'tests/collab/badValues.test.ts'] },
  { mutate: 'server/domain/planCharter.ts', tests: ['tests/unit/plan.test.ts', 'tests/collab/planProjection.test.ts'] },
  { mutate: 'server/domain/meetingMinutes.ts', tests: ['tests/unit/meetingMinutes.test.ts', 'tests/routers/meetingSince.test.ts'] },
  { mutate: 'server/domain/risk.ts', tests: ['tests/unit/risk.test.ts', 'tests/unit/riskHistory.test.ts', 'tests/routers/raid.test.ts', 'tests/collab/projection.test.ts'] },
  { mutate: 'server/domain/meeting.ts', tests: ['tests/routers/meeting.test.ts', 'tests/collab/meetingBoard.test.ts', 'tests/unit/meetingSeries.test.ts'] },
  { mutate: 'server/domain/plan.ts', tests: ['tests/unit/plan.test.ts', 'tests/routers/plan.test.ts', 'tests/collab/planDependencies.test.ts', 'tests/collab/planDateMoves.test.ts'] },
  { mutate: 'server/domain/raidCsv.ts', tests: ['tests/unit/raidCsv.test.ts', 'tests/routers/raid.test.ts'] },
  { mutate: 'server/domain/status.ts', tests: ['tests/unit/status.test.ts', 'tests/status/audience.test.ts', 'tests/routers/status.test.ts'] },
  { mutate: 'server/domain/meetingSince.ts', tests: ['tests/unit/meetingSince.test.ts', 'tests/routers/meetingSince.test.ts'] },
  { mutate: 'server/domain/isoWeeks.ts', tests: ['tests/unit/isoWeeks.test.ts', 'tests/unit/utilisation.test.ts'] },
  { mutate: 'server/domain/utilisation.ts', tests: ['tests/unit/utilisation.test.ts', 'tests/routers/resources.test.ts'] },
  { mutate: 'server/domain/staffing.ts', tests: ['tests/unit/staffing.test.ts', 'tests/routers/staffing.test.ts'] },
  { mutate: 'server/domain/whatIf.ts', tests: ['tests/unit/whatIf.test.ts', 'tests/routers/scenario.test.ts'] },
  { mutate: 'server/domain/resourceFields.ts', tests: routers('people', 'allocation', 'staffing', 'scenario') },
  { mutate: 'server/domain/planStaffing.ts', tests: ['tests/unit/planStaffing.test.ts'] },
  { mutate: 'server/domain/resourceProblems.ts', tests: ['tests/unit/resourceProblems.test.ts'] },
  // technology oversight (issue 16): the manifest parsers, versions, alerts, licences, radar, standards
  { mutate: 'server/domain/techVersions.ts', tests: ['tests/unit/techVersions.test.ts', 'tests/unit/techAlerts.test.ts'] },
  { mutate: 'server/domain/manifestParts.ts', tests: ['tests/unit/techManifests.test.ts'] },
  { mutate: 'server/domain/manifestNpm.ts', tests: ['tests/unit/techManifests.test.ts'] },
  { mutate: 'server/domain/manifestPython.ts', tests: ['tests/unit/techManifests.test.ts'] },
  { mutate: 'server/domain/manifestGo.ts', tests: ['tests/unit/techManifests.test.ts'] },
  { mutate: 'server/domain/manifestMaven.ts', tests: ['tests/unit/techManifests.test.ts'] },
  { mutate: 'server/domain/techManifest.ts', tests: ['tests/unit/techManifests.test.ts'] },
  { mutate: 'server/domain/techAlerts.ts', tests: ['tests/unit/techAlerts.test.ts'] },
  { mutate: 'server/domain/techLicences.ts', tests: ['tests/unit/techAlerts.test.ts'] },
  { mutate: 'server/domain/techRadar.ts', tests: ['tests/unit/techAlerts.test.ts', 'tests/routers/tech.test.ts'] },
  { mutate: 'server/domain/techFields.ts', tests: ['tests/routers/tech.test.ts', 'tests/routers/fuzz.test.ts'] },
  { mutate: 'server/domain/standards.ts', tests: ['tests/unit/standards.test.ts'] },
];
