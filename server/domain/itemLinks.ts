// Addresses of single items on the live boards, shared by everything that links to an item (the
// meeting board's "Since last meeting", the milestones calendar) and by the boards that open them:
// `/p/<projectId>/risks?item=<itemId>` opens that RAID item's editor, `/p/<projectId>/plan?item=<itemId>`
// a milestone's or workstream's. No I/O: the client imports it too. docs/api.md, "Links to items".

/** The query parameter naming the open item. */
export const itemParam = 'item';

/** The risk board with one RAID item's editor open. */
export const riskItemHref = (projectId: string, itemId: string) => `/p/${projectId}/risks?${itemParam}=${encodeURIComponent(itemId)}`;

/** The plan with one milestone's or workstream's editor open. */
export const planItemHref = (projectId: string, itemId: string) => `/p/${projectId}/plan?${itemParam}=${encodeURIComponent(itemId)}`;
