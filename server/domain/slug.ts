// URL-friendly names for workspaces and projects.
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') // runs of separators are one dash by now
    .slice(0, 48);
  return slug || 'project';
}
