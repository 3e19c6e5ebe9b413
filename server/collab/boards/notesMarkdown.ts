// A meeting's notes (the Y.XmlFragment `notes` that Tiptap's Collaboration extension writes, one
// Y.XmlElement per ProseMirror node, marks as Y.XmlText formatting) as Markdown: paragraphs,
// headings 1-3, bullet, ordered and task lists, links, mentions, bold/italic/strike/code and hard
// breaks. Unknown nodes keep their text. Typed text never turns into markup: it is escaped.
import * as Y from 'yjs';

/** Escapes what Markdown would read as markup inside a line of text. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

/** Escapes what Markdown would read as a block marker at the start of a line ("- ", "1. ", "> ", "+ ", "="). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+=>]|\d+[.)])(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.replace(/([-+=>.)])$/, '\\$1')}`);
}

type Attributes = Record<string, unknown>;

const markName = (name: string) => name.replace(/--.*$/, ''); // y-prosemirror names overlapping marks `link--<hash>`

function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href.replace(/[()\s]/g, (c) => encodeURIComponent(c)) : null;
  } catch {
    return null;
  }
}

function textRun(insert: string, attributes: Attributes | undefined): string {
  let text = escapeMarkdownText(insert);
  if (!attributes || !text.trim()) return text;
  const marks = new Map(Object.entries(attributes).map(([name, value]) => [markName(name), value]));
  // Markdown emphasis may not start or end with a space: keep surrounding spaces outside the markers.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  text = core!;
  if (marks.has('code')) text = `\`${insert.trim().replace(/`/g, 'ˋ')}\``;
  if (marks.has('bold')) text = `**${text}**`;
  if (marks.has('italic')) text = `*${text}*`;
  if (marks.has('strike')) text = `~~${text}~~`;
  const link = marks.get('link') as Attributes | undefined;
  const href = link ? safeHref(link.href) : null;
  if (href) text = `[${text}](${href})`;
  return `${lead}${text}${trail}`;
}

/** The inline content of a block (a paragraph, heading or the first paragraph of a list item). */
function inline(element: Y.XmlElement | Y.XmlFragment): string {
  let out = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Attributes }[]) {
        if (typeof op.insert === 'string') out += textRun(op.insert, op.attributes);
      }
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'mention') {
        const label = child.getAttribute('label') ?? child.getAttribute('id') ?? '';
        out += `@${escapeMarkdownText(String(label))}`;
      } else if (child.nodeName === 'hardBreak') out += '\\\n';
      else out += inline(child);
    }
  }
  return out;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : by + line))
    .join('\n');
}

function listItems(list: Y.XmlElement, marker: (index: number, item: Y.XmlElement) => string): string {
  const items = list.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
  return items
    .map((item, index) => {
      const prefix = marker(index, item);
      const body = blocks(item).join('\n');
      return prefix + indent(body, ' '.repeat(prefix.length));
    })
    .join('\n');
}

function block(node: Y.XmlElement): string {
  switch (node.nodeName) {
    case 'paragraph':
      return escapeLineStart(inline(node));
    case 'heading': {
      const level = Math.min(3, Math.max(1, Number(node.getAttribute('level')) || 1));
      return `${'#'.repeat(level)} ${inline(node)}`;
    }
    case 'bulletList':
      return listItems(node, () => '- ');
    case 'orderedList': {
      const start = Math.max(0, Math.floor(Number(node.getAttribute('start')) || 1));
      return listItems(node, (index) => `${start + index}. `);
    }
    case 'taskList':
      return listItems(node, (_, item) => {
        const checked = item.getAttribute('checked') as unknown;
        return `- [${checked === true || checked === 'true' ? 'x' : ' '}] `;
      });
    case 'blockquote':
      return blocks(node)
        .join('\n\n')
        .split('\n')
        .map((line) => `> ${line}`.trimEnd())
        .join('\n');
    case 'horizontalRule':
      return '---';
    default:
      // An unknown node (a later editor extension): its text, so nothing written is lost.
      return node.toArray().some((c) => c instanceof Y.XmlElement && c.nodeName !== 'mention' && c.nodeName !== 'hardBreak') ? blocks(node).join('\n\n') : escapeLineStart(inline(node));
  }
}

/** The Markdown of each block child of `parent`. */
function blocks(parent: Y.XmlElement | Y.XmlFragment): string[] {
  const out: string[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) out.push(block(child));
    else if (child instanceof Y.XmlText) out.push(escapeLineStart(inline(wrap(child))));
  }
  return out;
}

/** A stray Y.XmlText directly in a fragment, read as a paragraph. */
function wrap(text: Y.XmlText): Y.XmlFragment {
  return { toArray: () => [text] } as unknown as Y.XmlFragment;
}

/** The notes as Markdown, blocks separated by a blank line; empty paragraphs are dropped. */
export function notesToMarkdown(notes: Y.XmlFragment): string {
  return blocks(notes)
    .filter((b) => b.trim() !== '')
    .join('\n\n');
}
