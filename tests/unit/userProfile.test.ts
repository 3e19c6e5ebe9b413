// Names as other members are shown them: forbidden characters dropped, cut to the limit on a code point.
import { describe, expect, it } from 'vitest';
import { shownUserName, userNameMaxLength } from '@/server/domain/userProfile';

describe('shownUserName', () => {
  it('keeps a name within the limit as it is, and drops control and direction characters', () => {
    expect(shownUserName('Dana Ruiz 🚀')).toBe('Dana Ruiz 🚀');
    expect(shownUserName('Dana\u202E Ruiz\u0000')).toBe('Dana Ruiz');
  });

  it('cuts a longer name to the limit, never inside a surrogate pair', () => {
    const long = 'a'.repeat(userNameMaxLength + 20);
    expect(shownUserName(long)).toBe('a'.repeat(userNameMaxLength));
    // The limit falls between the two halves of an emoji: the half is dropped, not kept.
    const split = `${'b'.repeat(userNameMaxLength - 1)}🚀tail`;
    expect(shownUserName(split)).toBe('b'.repeat(userNameMaxLength - 1));
    // An emoji earlier in the name is kept whole, and the cut is at the limit.
    const early = `🚀${'c'.repeat(userNameMaxLength + 5)}`;
    expect(shownUserName(early)).toBe(`🚀${'c'.repeat(userNameMaxLength - 2)}`);
  });
});
