// Comments on a project's items (issue 18): what can be commented on, how long a comment may be, and
// the @mentions in it. Pure: the router checks the target exists and writes the inbox entries.
import { z } from 'zod';

export const commentTargetKinds = ['risk', 'planItem', 'action', 'decision', 'update'] as const;
export type CommentTargetKind = (typeof commentTargetKinds)[number];

/** As the database's check constraint says (db/schema/conversation.ts). */
export const maxCommentLength = 20_000;

export const commentTargetSchema = z.object({
  kind: z.enum(commentTargetKinds, { error: 'target.kind must be risk, planItem, action, decision or update' }),
  id: z.string().trim().min(1, 'target.id is required').max(200, 'target.id must be at most 200 characters'),
});
export type CommentTarget = z.infer<typeof commentTargetSchema>;

export const commentBodySchema = z
  .string()
  .trim()
  .min(1, 'body is required')
  .max(maxCommentLength, `body must be at most ${maxCommentLength.toLocaleString('en')} characters`);

// `@` + an address, where the `@` starts a word (so `sam@example.com` alone is no mention). The
// domain ends at a letter or digit: `@sam@example.com.` mentions sam@example.com.
const mentionPattern = /(?<![\p{L}\p{N}_.@+-])@([\p{L}\p{N}._%+-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+)/gu;

/** Code (fenced blocks and inline spans) shows text as written: an address in it mentions no one. */
function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

/** The e-mail addresses mentioned in a Markdown comment, lower-cased, each once, in order of first mention. */
export function mentionedEmails(body: string): string[] {
  const found = new Set<string>();
  for (const match of withoutCode(body).matchAll(mentionPattern)) found.add(match[1]!.toLowerCase());
  return [...found];
}

export interface MentionableMember {
  userId: string;
  email: string;
}

/**
 * The members a comment mentions (never its author: nobody is told of their own comment). A mention
 * of anyone else is plain text.
 */
export function mentionedMembers(body: string, members: MentionableMember[], authorId: string): string[] {
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.userId]));
  const ids = mentionedEmails(body)
    .map((email) => byEmail.get(email))
    .filter((id): id is string => id !== undefined && id !== authorId);
  return [...new Set(ids)];
}

/** Members mentioned by an edit who were not mentioned before it: only they hear of it. */
export function newlyMentioned(before: string, after: string, members: MentionableMember[], authorId: string): string[] {
  const already = new Set(mentionedMembers(before, members, authorId));
  return mentionedMembers(after, members, authorId).filter((id) => !already.has(id));
}

/** The first words of a comment, for an inbox line: Markdown markers dropped, at most `max` characters. */
export function commentExcerpt(body: string, max = 140): string {
  const plain = body
    .replace(/[#>*_`~[\]]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
