// Alerts on a project's tech inventory, in plain words: end of life past or within 90 days, a
// newer major version known, a "hold" technology still in use, a licence on the workspace's deny
// list. Each carries what a technical risk drafted from it needs (a title within the risk board's
// limit, a description, the item's owner). Pure functions; tech.alerts reads what they need.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { formatDay } from './dates';
import { deniedLicenceOf } from './techLicences';
import { majorOf, majorsBehind } from './techVersions';

export const techAlertKinds = ['eol_past', 'eol_soon', 'major_behind', 'hold_in_use', 'licence_denied'] as const;
export type TechAlertKind = (typeof techAlertKinds)[number];

/** End of life within this many days is "soon". */
export const eolSoonDays = 90;

export interface AlertItem {
  id: string;
  name: string;
  version: string;
  latestVersion: string | null;
  eolDate: string | null;
  ring: string;
  licence: string;
  ownerId: string | null;
}

export interface TechAlert {
  itemId: string;
  itemName: string;
  kind: TechAlertKind;
  /** One sentence for the tech page, the overview and the portfolio. */
  message: string;
  /** A technical risk's title drafted from the alert (at most 200 characters, the risk board's limit). */
  riskTitle: string;
  /** The item's owner when a project member, to own the drafted risk. */
  ownerId: string | null;
}

/** Alert kinds from most to least pressing: the order alerts are listed in. */
const urgency: Record<TechAlertKind, number> = { eol_past: 0, licence_denied: 1, eol_soon: 2, hold_in_use: 3, major_behind: 4 };

const titleLimit = 200;
const clip = (text: string) => (text.length <= titleLimit ? text : `${text.slice(0, titleLimit - 1)}…`);
const named = (item: AlertItem) => (item.version ? `${item.name} ${item.version}` : item.name);

/** The alerts of one item on `today` (yyyy-MM-dd). */
export function itemAlerts(item: AlertItem, today: string, deniedLicences: readonly string[]): TechAlert[] {
  const alerts: TechAlert[] = [];
  const add = (kind: TechAlertKind, message: string, riskTitle: string) =>
    alerts.push({ itemId: item.id, itemName: item.name, kind, message, riskTitle: clip(riskTitle), ownerId: item.ownerId });
  if (item.eolDate) {
    const daysLeft = differenceInCalendarDays(parseISO(item.eolDate), parseISO(today));
    if (daysLeft < 0) {
      add('eol_past', `${named(item)} reached its end of life on ${formatDay(item.eolDate)}: it no longer gets security fixes.`, `${named(item)} is past its end of life`);
    } else if (daysLeft <= eolSoonDays) {
      const when = daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
      add('eol_soon', `${named(item)} reaches its end of life ${when} (${formatDay(item.eolDate)}): plan the upgrade.`, `${named(item)} reaches end of life on ${formatDay(item.eolDate)}`);
    }
  }
  const behind = majorsBehind(item.version, item.latestVersion);
  if (behind > 0) {
    add(
      'major_behind',
      `${item.name} ${item.version} is ${behind} major version${behind === 1 ? '' : 's'} behind the latest (${item.latestVersion}): upgrades get harder the longer they wait.`,
      `${item.name} is ${behind} major version${behind === 1 ? '' : 's'} behind (${majorOf(item.version)} in use, ${majorOf(item.latestVersion)} out)`,
    );
  }
  if (item.ring === 'hold') {
    add('hold_in_use', `${item.name} is on hold (the radar says not to build more on it) but the project still uses it.`, `${item.name} is on hold but still in use`);
  }
  const denied = deniedLicenceOf(item.licence, deniedLicences);
  if (denied) {
    add('licence_denied', `${item.name} is licensed under ${item.licence}, which the workspace does not allow (${denied}).`, `${item.name} uses a licence the workspace does not allow (${denied})`);
  }
  return alerts;
}

/** Every item's alerts, the most pressing kinds first, then by item name. */
export function techAlerts(items: readonly AlertItem[], today: string, deniedLicences: readonly string[]): TechAlert[] {
  return items
    .flatMap((item) => itemAlerts(item, today, deniedLicences))
    .sort((a, b) => urgency[a.kind] - urgency[b.kind] || a.itemName.localeCompare(b.itemName, 'en') || a.itemId.localeCompare(b.itemId));
}

