// URL-friendly names for workspaces and projects.
import { describe, expect, it } from 'vitest';
import { slugify } from '@/server/domain/slug';

describe('slugify', () => {
  it('lowercases and joins words with single dashes', () => {
    expect(slugify('Apollo Launch Plan')).toBe('apollo-launch-plan');
    expect(slugify('Q3  --  Roadmap!!')).toBe('q3-roadmap');
  });

  it('drops accents instead of the letters', () => {
    expect(slugify('Café Übergang')).toBe('cafe-ubergang');
  });

  it('trims dashes at both ends', () => {
    expect(slugify('  --Hello, world--  ')).toBe('hello-world');
  });

  it('falls back to "project" when nothing usable is left', () => {
    expect(slugify('')).toBe('project');
    expect(slugify('!!!')).toBe('project');
    expect(slugify('日本語')).toBe('project');
  });

  it('is at most 48 characters', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });
});
