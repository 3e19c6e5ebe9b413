// A technical risk drafted from a tech alert: the risk board's address names only which alert,
// the draft is read from the alert itself (title "Technical: …" within the board's 200 characters,
// description with a link back to the item, the item's owner), and a made-up address drafts nothing.
import { describe, expect, it } from 'vitest';
import { alertInAddress, riskOfAlert, techRiskHref, techRiskPrefill } from '@/server/domain/techRiskDraft';
import type { TechAlert } from '@/server/domain/techAlerts';

const projectId = '11111111-1111-4111-8111-111111111111';
const alert: TechAlert = {
  itemId: '22222222-2222-4222-8222-222222222222',
  itemName: 'PostgreSQL',
  kind: 'eol_past',
  message: 'PostgreSQL 12 reached its end of life on 14 Nov 2024: it no longer gets security fixes.',
  riskTitle: 'PostgreSQL 12 is past its end of life',
  ownerId: 'user-1',
};

describe('techRiskDraft', () => {
  it('addresses the risk board with the alert named by item and kind', () => {
    expect(techRiskHref(projectId, alert)).toBe(`/p/${projectId}/risks?techItem=${alert.itemId}&techAlert=eol_past`);
  });

  it('finds the alert the address names, and nothing for another kind, an unknown kind or no item', () => {
    const hold: TechAlert = { ...alert, kind: 'hold_in_use', message: 'on hold', riskTitle: 'on hold' };
    expect(alertInAddress([alert, hold], alert.itemId, 'hold_in_use')).toBe(hold);
    expect(alertInAddress([alert], alert.itemId, 'eol_soon')).toBeNull();
    expect(alertInAddress([alert], alert.itemId, 'constructor')).toBeNull();
    expect(alertInAddress([alert], undefined, 'eol_past')).toBeNull();
    expect(alertInAddress([alert], 'another', 'eol_past')).toBeNull();
  });

  it('drafts a technical risk owned by the item’s owner, linking back to the item', () => {
    expect(techRiskPrefill(projectId, alert)).toEqual({
      kind: 'risk',
      title: 'Technical: PostgreSQL 12 is past its end of life',
      description: `${alert.message}\n\nIn the technology inventory: /p/${projectId}/tech?item=${alert.itemId}`,
      category: 'Technology',
      ownerId: 'user-1',
      threatens: [],
    });
  });

  it('keeps the title within the risk board’s 200 characters', () => {
    const title = techRiskPrefill(projectId, { ...alert, riskTitle: 'x'.repeat(200) }).title;
    expect(title).toHaveLength(200);
    expect(title.startsWith('Technical: ')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
  });

  it('finds the risk already drafted from an alert by its title, case and spaces aside, the oldest first; none for a risk about something else', () => {
    const risks = [
      { id: 'R-1', title: 'Technical: PostgreSQL 12 is past its end of life, and more' },
      { id: 'R-2', title: '  technical: postgresql 12 is past its end of life ' },
      { id: 'R-3', title: 'Technical: PostgreSQL 12 is past its end of life' },
    ];
    expect(riskOfAlert(projectId, alert, risks)).toBe('R-2');
    expect(riskOfAlert(projectId, alert, risks.slice(0, 1))).toBeNull();
    expect(riskOfAlert(projectId, { ...alert, kind: 'major_behind', riskTitle: 'PostgreSQL is 5 major versions behind' }, risks)).toBeNull();
  });
});
