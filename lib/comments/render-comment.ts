import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

// A comment is Markdown written by a member and read by their team, so it is rendered the way
// an app's description is (lib/marketplace/app-description.ts): raw HTML escaped
// (allowDangerousHtml off), link protocols other than http(s) and mailto dropped, no images
// (no remote trackers in a thread), links rel="nofollow noopener ugc" (a link
// elsewhere, relative or protocol-relative, keeps its text and loses its href). Also off: headings (a
// comment is not a page section) and footnotes (their ids would repeat across a thread).
// Mention tokens (<@userId>, escaped by micromark to text) become "@Name" badges, in text
// only: never inside a tag or an attribute.

const DISABLED = {
  disable: {
    null: ['labelStartImage', 'headingAtx', 'setextUnderline', 'gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'],
  },
};

// Relative and protocol-relative destinations (and those micromark emptied) lose their href.
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

const ESCAPED_TOKEN = /&lt;@([A-Za-z0-9_-]{1,100})&gt;/g;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Safe HTML for a comment's Markdown; `names` names the mentioned members (others stay as written). */
export function renderComment(markdown: string, names: ReadonlyMap<string, string> = new Map()): string {
  const html = micromark(markdown, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm(), DISABLED],
    htmlExtensions: [gfmHtml()],
  }).replace(/<a href="([^"]*)"/g, (_whole, href: string) => (SAFE_HREF.test(href) ? `<a rel="nofollow noopener ugc" href="${href}"` : '<a rel="nofollow noopener ugc"'));
  // micromark escapes every < in text and attribute values, so each "<…>" here is a real tag.
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(ESCAPED_TOKEN, (whole, id: string) => {
            const name = names.get(id);
            return name === undefined ? whole : `<span class="mention" data-user-id="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;
          }),
    )
    .join('');
}
