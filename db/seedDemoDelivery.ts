// The demo project's delivery data: twelve weeks of work items as if imported from Jira (its column
// mapping remembered), tied to the plan's workstreams and milestones, so the insights charts and
// the forecasts show real figures. The team resolves about 6.5 items a week, with a dip three and
// four weeks ago (the vendor's news and the blocked staging cluster). The migration tooling is
// nearly done, so the rehearsal is on time; refunds and payouts on API v3 still have 36 items open,
// more than five weeks of work, so "All payments on API v3" is likely late, as its risks warn;
// the cut-over weekend has room. Records in Postgres, written directly in one transaction.
import { addDays } from 'date-fns';
import type { Database } from './index';
import { deliveryItem, deliveryMapping } from './schema';
import type { DemoPlan } from './seedDemoPlan';

type Who = 'owner' | 'editor' | 'viewer';
type Stream = 'tooling' | 'refunds' | 'sso' | 'runbooks' | 'cutOver' | 'none';

export interface DemoDeliveryInput {
  projectId: string;
  ids: Record<Who, string>;
  plan: DemoPlan;
  today: Date;
}

/** Items resolved in each of the last twelve complete weeks, oldest first. */
export const demoResolvedPerWeek = [5, 6, 8, 7, 9, 8, 4, 3, 6, 7, 8, 7];
/** Items still open, by stream. */
export const demoOpenItems: Record<Stream, number> = { tooling: 6, refunds: 36, sso: 12, runbooks: 8, cutOver: 2, none: 4 };

/** The mapping the demo's "import" used: Jira's column names. */
export const demoDeliveryMapping = {
  key: 'Issue key',
  created: 'Created',
  started: 'Started',
  resolved: 'Resolved',
  title: 'Summary',
  type: 'Issue Type',
  estimate: 'Story Points',
  labels: 'Labels',
  planItem: 'Epic Link',
};

const titles: Record<Stream, string[]> = {
  tooling: [
    'Stream large tenant tables in batches',
    'Checksum every migrated table',
    'Dry-run mode for the migration CLI',
    'Resume a migration after a crash',
    'Split the largest tenants into their own batch',
    'Throttle writes during business hours',
    'Progress report per tenant',
    'Rollback script for a failed batch',
    'Move attachments to the new bucket',
    'Verify foreign keys after import',
    'Parallel import for small tenants',
    'Timing report for the rehearsal',
    'Map legacy tenant ids to Atlas ids',
    'Copy audit logs without downtime',
  ],
  refunds: [
    'Refunds: call the v3 refund endpoint',
    'Verify v3 webhook signatures',
    'Dual-write refunds to v3 behind a flag',
    'Payouts: v3 batch payout API',
    'Reconcile v2 and v3 refund records nightly',
    'Retry failed v3 refunds with backoff',
    'Alert on v3 webhook mismatches',
    'Partial refunds on v3',
    'Currency rounding on v3 amounts',
    'Payout status page for finance',
    'Chargeback notifications from v3',
    'Idempotency keys for v3 calls',
    'Load test the v3 payout batch',
    'Remove the v2 client from checkout',
  ],
  sso: [
    'SAML metadata upload for partners',
    'Map partner roles to Atlas roles',
    'Test SSO with the three largest partners',
    'Just-in-time accounts for partner users',
    'SSO error page with a support link',
    'Rotate partner signing certificates',
    'Audit log of partner sign-ins',
  ],
  runbooks: [
    'Cut-over runbook: the read-only switch',
    'Support macro for the read-only period',
    'Training session for support leads',
    'Rollback runbook for the cut-over weekend',
    'On-call rota for the cut-over weekend',
  ],
  cutOver: ['Status page notice for the cut-over weekend', 'Go/no-go checklist for cut-over'],
  none: ['Flaky end-to-end test: checkout timeout', 'Dashboard colours fail contrast checks', 'Upgrade Node in CI', 'Slow query on the tenant list', 'Broken link in the admin help'],
};
const labels: Record<Stream, string[]> = { tooling: ['migration'], refunds: ['payments', 'api-v3'], sso: ['identity'], runbooks: ['support', 'docs'], cutOver: ['cut-over'], none: ['quality'] };
const estimates = [1, 2, 3, 5, 8];

// Which stream each resolved item came from: tooling early, refunds and SSO later.
const earlyStreams: Stream[] = ['tooling', 'tooling', 'refunds', 'none', 'tooling', 'refunds'];
const lateStreams: Stream[] = ['refunds', 'tooling', 'sso', 'refunds', 'runbooks', 'none', 'refunds', 'sso'];

export async function seedDemoDelivery(db: Database, input: DemoDeliveryInput): Promise<void> {
  const { projectId, ids, plan, today } = input;
  const planItemOf: Record<Stream, string | null> = { tooling: plan.tooling, refunds: plan.refunds, sso: plan.sso, runbooks: plan.runbooks, cutOver: plan.cutOver, none: null };
  const used: Record<Stream, number> = { tooling: 0, refunds: 0, sso: 0, runbooks: 0, cutOver: 0, none: 0 };
  /** The next title of a stream; a title used before comes back as its next part. */
  const titleOf = (stream: Stream) => {
    const list = titles[stream];
    const n = used[stream]++;
    return n < list.length ? list[n]! : `${list[n % list.length]} (part ${Math.floor(n / list.length) + 1})`;
  };
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)));
  const hoursAfter = (from: Date, hours: number) => new Date(from.getTime() + hours * 3_600_000);
  let serial = 0;
  const rows: (typeof deliveryItem.$inferInsert)[] = [];
  const add = (stream: Stream, dates: { createdAt: Date; startedAt: Date | null; resolvedAt: Date | null }) => {
    const n = serial++;
    rows.push({
      projectId,
      key: `ATL-${101 + n}`,
      title: titleOf(stream),
      type: stream === 'none' ? 'Bug' : n % 4 === 3 ? 'Task' : 'Story',
      estimate: stream === 'none' ? 1 + (n % 2) : estimates[n % estimates.length]!,
      labels: labels[stream],
      planItemId: planItemOf[stream],
      ...dates,
    });
  };

  demoResolvedPerWeek.forEach((count, index) => {
    const weeksAgo = demoResolvedPerWeek.length - index;
    const streams = weeksAgo > 6 ? earlyStreams : lateStreams;
    for (let k = 0; k < count; k++) {
      // Monday to Friday, 9:00 to 17:00.
      const resolvedAt = hoursAfter(addDays(monday, -7 * weeksAgo + (k % 5)), 9 + ((k * 3) % 8));
      const cycleDays = serial % 11 === 0 ? 12 : 1 + (serial % 6);
      const startedAt = addDays(resolvedAt, -cycleDays);
      add(streams[(k + index) % streams.length]!, { createdAt: addDays(startedAt, -(2 + (serial % 15))), startedAt, resolvedAt });
    }
  });
  // Open items: created over the last ten weeks; the first two of each stream are in progress.
  for (const [stream, count] of Object.entries(demoOpenItems) as [Stream, number][]) {
    for (let k = 0; k < count; k++) {
      const createdAt = hoursAfter(addDays(today, -(3 + ((serial * 5) % 70))), -2);
      add(stream, { createdAt, startedAt: k < 2 ? addDays(createdAt, 2) : null, resolvedAt: null });
    }
  }
  await db.transaction(async (tx) => {
    await tx.insert(deliveryItem).values(rows);
    await tx.insert(deliveryMapping).values({ projectId, mapping: demoDeliveryMapping, updatedBy: ids.editor, updatedAt: addDays(today, -1) });
  });
}
