import { describe, expect, it } from 'vitest';
import { commentBodySchema, commentExcerpt, mentionedEmails, mentionedMembers, newlyMentioned } from '@/server/domain/comments';

const members = [
  { userId: 'u-sam', email: 'Sam@Example.com' },
  { userId: 'u-ana', email: 'ana.lopez+work@example.co.uk' },
  { userId: 'u-me', email: 'me@example.com' },
];

describe('mentions', () => {
  it('finds @ followed by an e-mail address, lower-cased, once each, in order', () => {
    expect(mentionedEmails('@sam@example.com and @ana.lopez+work@example.co.uk, then @SAM@example.com again')).toEqual([
      'sam@example.com',
      'ana.lopez+work@example.co.uk',
    ]);
  });

  it('ends an address at its last letter or digit (trailing punctuation is not part of it)', () => {
    expect(mentionedEmails('Ask @sam@example.com. Or (@ana@example.org)! @bo@example.net?')).toEqual(['sam@example.com', 'ana@example.org', 'bo@example.net']);
  });

  it('an address without a leading @, or an @ inside a word, mentions no one', () => {
    expect(mentionedEmails('mail sam@example.com or x@sam@example.com or a.@sam@example.com')).toEqual([]);
  });

  it('an @ without a full address is plain text', () => {
    expect(mentionedEmails('@sam and @sam@ and @sam@example and @@sam@example.com')).toEqual([]);
  });

  it('code spans and fenced blocks show text as written: no mention in them', () => {
    expect(mentionedEmails('`@sam@example.com`\n```\n@ana@example.org\n```\n@bo@example.net')).toEqual(['bo@example.net']);
  });

  it('maps mentions to members, case-insensitively; non-members and the author are left out', () => {
    const body = '@sam@example.com @stranger@example.com @ME@example.com @ana.lopez+work@example.co.uk @sam@EXAMPLE.com';
    expect(mentionedMembers(body, members, 'u-me')).toEqual(['u-sam', 'u-ana']);
  });

  it('an edit tells only the members it newly mentions', () => {
    expect(newlyMentioned('@sam@example.com', '@sam@example.com @ana.lopez+work@example.co.uk', members, 'u-me')).toEqual(['u-ana']);
    expect(newlyMentioned('@sam@example.com', 'nobody now', members, 'u-me')).toEqual([]);
  });
});

describe('comment body', () => {
  it('is trimmed and required', () => {
    expect(commentBodySchema.parse('  hello  ')).toBe('hello');
    expect(commentBodySchema.safeParse('   ').success).toBe(false);
  });

  it('refuses a 1 MB comment with a clear message', () => {
    const result = commentBodySchema.safeParse('x'.repeat(1_000_000));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('body must be at most 20,000 characters');
    expect(commentBodySchema.safeParse('x'.repeat(20_000)).success).toBe(true);
  });

  it('an excerpt drops Markdown markers and cuts long text with an ellipsis', () => {
    expect(commentExcerpt('## Heads up\n\n**Vendor** is _late_ `again`')).toBe('Heads up Vendor is late again');
    const long = commentExcerpt('word '.repeat(100), 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
