// @vitest-environment happy-dom
// A milestone's readiness as the roadmap shows it: "Standards 4/6", failures in words (the colour
// and icon only repeat them), all met, nothing at all for a milestone without standards.
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { StandardsReadiness } from '@/components/plan/StandardsReadiness';
import { readiness } from '@/server/domain/standards';

afterEach(cleanup);

const shown = () => screen.getByTestId('standards-readiness');
/** What a screen reader reads: the text without the hidden icon. */
const spoken = (el: HTMLElement) =>
  [...el.childNodes]
    .filter((n) => !(n instanceof HTMLElement && n.getAttribute('aria-hidden') === 'true'))
    .map((n) => n.textContent)
    .join('');

describe('StandardsReadiness', () => {
  it('shows met of total and the failed count in words', () => {
    render(createElement(StandardsReadiness, { readiness: readiness(['passed', 'passed', 'waived', 'passed', 'failed', 'pending']) }));
    expect(spoken(shown())).toBe('Standards 4/6, 1 failed');
    expect(shown().dataset.state).toBe('failed');
    expect(shown().className).toContain('text-danger');
    expect(shown().title).toBe('4 of 6 standards met: 1 failed, 1 pending');
  });

  it('drops when a check fails: the same milestone re-rendered reads 3/6 and failed', () => {
    const view = render(createElement(StandardsReadiness, { readiness: readiness(['passed', 'passed', 'passed', 'passed', 'pending', 'pending']) }));
    expect(spoken(shown())).toBe('Standards 4/6');
    expect(shown().dataset.state).toBe('open');
    view.rerender(createElement(StandardsReadiness, { readiness: readiness(['passed', 'passed', 'passed', 'failed', 'pending', 'pending']) }));
    expect(spoken(shown())).toBe('Standards 3/6, 1 failed');
    expect(shown().dataset.state).toBe('failed');
  });

  it('says all met with a tick that is not read out', () => {
    render(createElement(StandardsReadiness, { readiness: readiness(['passed', 'waived']) }));
    expect(spoken(shown())).toBe('Standards 2/2');
    expect(shown().dataset.state).toBe('met');
    expect(shown().title).toBe('2 of 2 standards met: all standards met');
    expect(shown().querySelector('[aria-hidden="true"]')?.textContent).toBe('✓');
  });

  it('shows nothing for a milestone with no standards applied', () => {
    render(createElement(StandardsReadiness, { readiness: readiness([]) }));
    expect(screen.queryByTestId('standards-readiness')).toBeNull();
  });
});
