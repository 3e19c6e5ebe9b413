// better-auth's browser client. No baseURL: it talks to /api/auth on the page's own origin.
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient();

/** A sentence a person understands for a failed sign-in or sign-up. */
export function authErrorMessage(error: { status?: number; code?: string; message?: string } | null | undefined): string {
  if (!error) return 'Something went wrong. Please try again.';
  if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  switch (error.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return 'Wrong email or password.';
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return 'An account with this email already exists. Sign in instead.';
    case 'PASSWORD_TOO_SHORT':
      return 'The password must be at least 8 characters.';
    case 'PASSWORD_TOO_LONG':
      return 'The password must be at most 128 characters.';
    case 'INVALID_EMAIL':
      return 'Enter a valid email address.';
  }
  if (error.status === 0 || error.status === undefined) return error.message || 'Could not reach Waymark. Check your connection.';
  return error.message || 'Something went wrong. Please try again.';
}
