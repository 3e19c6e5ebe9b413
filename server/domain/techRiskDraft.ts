// A technical risk drafted from a tech alert ("Create a risk from this" on the tech page, the plan's
// alerts card): the risk board opens `/p/<id>/risks?techItem=<itemId>&techAlert=<kind>`, reads the
// alert again on the server and opens its draft, saved only on "Save risk". Once a risk with the
// draft's title is on the board, the alert offers that risk instead of a second draft. No I/O: the
// client imports it too. docs/api.md, "Technology".
import type { RiskPrefill } from './resourceProblems';
import type { TechAlert, TechAlertKind } from './techAlerts';
import { techAlertKinds } from './techAlerts';

export const techItemParam = 'techItem';
export const techAlertParam = 'techAlert';

/** Technical risks drafted from alerts are filed under this category on the board. */
export const techRiskCategory = 'Technology';

const titleLimit = 200;

/** The risk board with the draft of this alert's technical risk open. */
export function techRiskHref(projectId: string, alert: Pick<TechAlert, 'itemId' | 'kind'>): string {
  return `/p/${projectId}/risks?${techItemParam}=${encodeURIComponent(alert.itemId)}&${techAlertParam}=${alert.kind}`;
}

/** The tech page with one item's editor open. */
export const techItemHref = (projectId: string, itemId: string) => `/p/${projectId}/tech?item=${encodeURIComponent(itemId)}`;

/** The alert named by the risk board's address, or null (an alert gone since, or a made-up address). */
export function alertInAddress<A extends TechAlert>(alerts: readonly A[], itemId: string | undefined, kind: string | undefined): A | null {
  if (!itemId || !kind || !(techAlertKinds as readonly string[]).includes(kind)) return null;
  return alerts.find((a) => a.itemId === itemId && a.kind === (kind as TechAlertKind)) ?? null;
}

/** The draft: "Technical: <the alert's risk title>", its sentence and a link back to the item. */
export function techRiskPrefill(projectId: string, alert: TechAlert): RiskPrefill {
  const title = `Technical: ${alert.riskTitle}`;
  return {
    kind: 'risk',
    title: title.length <= titleLimit ? title : `${title.slice(0, titleLimit - 1)}…`,
    description: `${alert.message}\n\nIn the technology inventory: ${techItemHref(projectId, alert.itemId)}`,
    category: techRiskCategory,
    ownerId: alert.ownerId,
    threatens: [],
  };
}

/**
 * The risk already drafted from this alert, or null: the first of the board's items (oldest first)
 * whose title is the draft's, whatever its case or surrounding spaces. The title names the item
 * and the alert, so a risk about another alert of the same item is not taken for this one.
 */
export function riskOfAlert(projectId: string, alert: TechAlert, risks: readonly { id: string; title: string }[]): string | null {
  const title = techRiskPrefill(projectId, alert).title.toLowerCase();
  return risks.find((risk) => risk.title.trim().toLowerCase() === title)?.id ?? null;
}
