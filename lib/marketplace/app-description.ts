import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

// An app's description is Markdown written by the partner and shown to every workspace, so it
// is rendered safely: micromark escapes raw HTML (allowDangerousHtml stays off) and drops link
// protocols other than http(s) and mailto; images are turned off (a listing's pictures are its
// reviewed screenshots, not remote trackers); links get rel="nofollow noopener ugc".

const NO_IMAGES = { disable: { null: ['labelStartImage'] } };

export function renderAppDescription(markdown: string): string {
  const html = micromark(markdown, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm(), NO_IMAGES],
    htmlExtensions: [gfmHtml()],
  });
  return html.replace(/<a href="/g, '<a rel="nofollow noopener ugc" href="');
}
