// The helpers every manifest parser shares: the line an offset or a text is on, "file line N", and
// quoting a name cut at 60 characters so a huge value cannot flood an error message.
import { describe, expect, it } from 'vitest';
import { lineOf, lineOfOffset, ManifestError, quoted, where } from '@/server/domain/manifestParts';

describe('manifestParts', () => {
  it('lineOfOffset: a newline belongs to the line it ends; offsets past the end stay on the last line', () => {
    const text = 'a\nb\nc';
    expect(lineOfOffset(text, 0)).toBe(1);
    expect(lineOfOffset(text, 1)).toBe(1);
    expect(lineOfOffset(text, 2)).toBe(2);
    expect(lineOfOffset(text, 4)).toBe(3);
    expect(lineOfOffset(text, 999)).toBe(3);
  });

  it('lineOf: found at the very start, from an offset, or not at all', () => {
    expect(lineOf('"a"\n"b"\n"a"', '"a"')).toBe(1);
    expect(lineOf('"a"\n"b"\n"a"', '"a"', 1)).toBe(3);
    expect(lineOf('"a"', '"z"')).toBeUndefined();
  });

  it('where names the line when there is one', () => {
    expect(where('go.mod', 3)).toBe('go.mod line 3');
    expect(where('go.mod', undefined)).toBe('go.mod');
  });

  it('quoted keeps 60 characters and cuts 61 to 59 and an ellipsis', () => {
    expect(quoted('x'.repeat(60))).toBe(`“${'x'.repeat(60)}”`);
    expect(quoted('x'.repeat(61))).toBe(`“${'x'.repeat(59)}…”`);
  });

  it('ManifestError is named so', () => {
    expect(new ManifestError('m').name).toBe('ManifestError');
  });
});
