// The standard set of technical standards: the checklists "Add the standard set" writes into a
// workspace (standards.addStandardSet) and the demo seeds. Plain data, here so the seed need not
// reach into server/; server/domain/standards.ts re-exports it.

/** Two checklists of six checks: security and privacy, and launch readiness. */
export const standardSet: { name: string; description: string; checks: { title: string; description: string; appliesTo: string }[] }[] = [
  {
    name: 'Security and privacy',
    description: 'Before anything reaches real users or real data.',
    checks: [
      { title: 'Security review', description: 'The security team reviewed the design and the changes; findings are fixed or accepted.', appliesTo: 'Every release' },
      { title: 'Data protection review', description: 'Personal data handled is listed, with its legal basis, retention and who can see it.', appliesTo: 'Anything that stores or moves personal data' },
    ],
  },
  {
    name: 'Launch readiness',
    description: 'What operations and users need before a launch or a cut-over.',
    checks: [
      { title: 'Performance budget met', description: 'Page weight and response times are within the agreed budget.', appliesTo: 'User-facing changes' },
      { title: 'Accessibility audit', description: 'An audit against WCAG 2.2 AA found no open blocking issues.', appliesTo: 'User-facing changes' },
      { title: 'Runbook written', description: 'On-call has a runbook: how to deploy, roll back, and what the alerts mean.', appliesTo: 'Services run in production' },
      { title: 'Load test passed', description: 'A load test at the expected peak (and some headroom) met the latency and error targets.', appliesTo: 'Services with new or changed traffic' },
    ],
  },
];
