// Markdown of status updates to HTML, safe wherever it is shown: raw HTML in the text is shown as
// text (never parsed), and the result is sanitised again by sanitize-html with a short allow-list of
// tags and http(s)/mailto links only, so a `<script>` or `onerror` payload is inert everywhere.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML blocks and inline tags are text to us: show them as typed.
    html: ({ text }) => escapeHtml(text),
  },
});

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
    // Headings inside an update sit under the update's own heading.
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
  },
};

/** Safe HTML for one Markdown field. */
export function renderMarkdown(source: string): string {
  if (!source.trim()) return '';
  return sanitizeHtml(marked.parse(source) as string, allowed);
}

/** Plain text (for feed summaries and webhook payloads): the rendered text without tags. */
export function markdownToText(source: string): string {
  return sanitizeHtml(renderMarkdown(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}
