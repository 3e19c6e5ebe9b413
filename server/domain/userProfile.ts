// What a person may call themselves (and the other profile strings other members see): bounded
// lengths and no control characters, checked when an account is created or changed. Every other
// member sees a name on boards, in presence and in lists, so an unbounded one is a cost to all.
import { z } from 'zod';

export const userNameMaxLength = 100;
/** RFC 5321's limit on an address in a mail path. */
export const emailMaxLength = 254;
export const userImageMaxLength = 2048;

/**
 * Characters refused in a name: control characters (NUL included, which Postgres also refuses),
 * line and paragraph separators, and the bidirectional embeddings, overrides and isolates that
 * can make a name read as someone else's.
 */
// eslint-disable-next-line no-control-regex
const forbiddenInName = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const userNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter your name.')
  .max(userNameMaxLength, `A name can be at most ${userNameMaxLength} characters.`)
  .refine((name) => !forbiddenInName.test(name), 'A name cannot contain control characters or line breaks.');

export const userEmailSchema = z.string().max(emailMaxLength, `An email address can be at most ${emailMaxLength} characters.`);

export const userImageSchema = z
  .string()
  .max(userImageMaxLength, `A picture address can be at most ${userImageMaxLength} characters.`)
  .nullable();

/**
 * A stored name as others are shown it: names from before the limit existed may be longer, so it
 * is cut to the limit (on a code point, never inside a surrogate pair) and stripped of forbidden
 * characters.
 */
export function shownUserName(name: string): string {
  const clean = name.replace(new RegExp(forbiddenInName.source, 'gu'), '');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a short cut; slicing a name within the limit gives the same name (a lone high surrogate at its end aside, which no valid name has).
  if (clean.length <= userNameMaxLength) return clean;
  const cut = clean.slice(0, userNameMaxLength);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
