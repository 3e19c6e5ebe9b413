// @vitest-environment happy-dom
// The save indicator a live board shows, rendered in a DOM through the states a tab goes through
// (saveStatus, as useLiveDoc computes it): Connecting, Saved, Saving while an edit is not yet
// acknowledged (a database that refuses writes keeps it there), Offline with its explanation.
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SaveIndicator } from '@/components/live/SaveIndicator';
import { saveStatus } from '@/components/live/presence';

afterEach(cleanup);

const indicator = () => screen.getByTestId('save-status');

describe('SaveIndicator', () => {
  it('follows a tab from connecting to saved, saving, offline and back', () => {
    const tab = { connected: false, synced: false, unsaved: 0 };
    const view = render(createElement(SaveIndicator, { status: saveStatus(tab) }));
    const show = () => view.rerender(createElement(SaveIndicator, { status: saveStatus(tab) }));
    expect(indicator().textContent).toBe('Connecting…');
    expect(indicator().getAttribute('aria-live')).toBe('polite');

    // The socket is open but the board has not arrived yet: still Connecting, not Saved.
    tab.connected = true;
    show();
    expect(indicator().textContent).toBe('Connecting…');

    // The connection drops before the first sync: nothing was loaded, so it is not Offline either.
    tab.connected = false;
    show();
    expect(indicator().textContent).toBe('Connecting…');

    Object.assign(tab, { connected: true, synced: true });
    show();
    expect(indicator().textContent).toBe('Saved');

    // An edit sent, not yet acknowledged: it stays Saving for as long as the server has not stored it.
    tab.unsaved = 1;
    show();
    expect(indicator().textContent).toBe('Saving…');
    expect(indicator().title).toBe('');

    // The connection drops with the edit unsaved: Offline, saying the changes are kept.
    tab.connected = false;
    show();
    expect(indicator().textContent).toBe('Offline: your changes are kept and sent when the connection is back.');
    expect(indicator().title).toMatch(/kept on this device/);

    // Reconnected: the edit is sent again on the new socket, then acknowledged.
    Object.assign(tab, { connected: true, unsaved: 1 });
    show();
    expect(indicator().textContent).toBe('Saving…');
    tab.unsaved = 0;
    show();
    expect(indicator().textContent).toBe('Saved');
    expect(indicator().title).toBe('');
  });

  it('shows Offline, not Connecting, only once the board has been loaded', () => {
    render(createElement(SaveIndicator, { status: saveStatus({ connected: false, synced: false, unsaved: 1 }) }));
    expect(indicator().textContent).toBe('Connecting…');
  });
});
