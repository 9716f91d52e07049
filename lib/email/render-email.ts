import { platformOrigin } from '../config/env.ts';
import { DEFAULT_LANGUAGE, directionOf, type Language } from '../i18n/languages.ts';
import type { EmailBrand } from './email-brand.ts';
import { emailLayoutText, type EmailLayoutText } from './email-layout-text.ts';
import { escapeHtml } from './escape-html.ts';

// One small layout for every email: tables and inline styles only, because mail clients
// ignore <style> elements and most of CSS. Every piece of text is escaped here, so
// templates pass plain strings and never build HTML themselves.

export interface EmailAction {
  label: string;
  url: string;
}

export interface EmailLayoutInput {
  brand: EmailBrand;
  /** Shown by mail clients next to the subject, hidden in the message itself. */
  preview: string;
  heading: string;
  paragraphs: string[];
  action?: EmailAction;
  /** Small print under the button, e.g. when the link expires. */
  footnote?: string;
  /**
   * The language the message is written in (the recipient's: lib/email/email-language.ts): the
   * root's lang and dir, and the layout's own words. English when absent.
   */
  language?: Language;
}

export interface RenderedEmail {
  html: string;
  text: string;
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;";

function assertHttpUrl(url: string): void {
  if (!/^https?:\/\//i.test(url)) throw new Error(`Email links must be absolute http(s) URLs, got ${JSON.stringify(url)}`);
}

function header(brand: EmailBrand, rtl: boolean): string {
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32" style="height:32px;width:auto;vertical-align:middle;margin-${rtl ? 'left' : 'right'}:10px;border:0;">`
    : '';
  return `<tr><td style="padding:24px 32px;border-bottom:1px solid #e2e8f0;${FONT}font-size:18px;font-weight:700;color:#0f172a;">${logo}<span style="vertical-align:middle;">${escapeHtml(brand.name)}</span></td></tr>`;
}

function button(brand: EmailBrand, action: EmailAction, words: EmailLayoutText): string {
  const url = escapeHtml(action.url);
  return `<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:28px 0;"><tr><td style="border-radius:6px;background-color:${brand.primaryColor};"><a href="${url}" style="display:inline-block;padding:12px 24px;${FONT}font-size:16px;font-weight:600;color:${brand.primaryTextColor};text-decoration:none;border-radius:6px;">${escapeHtml(action.label)}</a></td></tr></table>
<p style="margin:0 0 16px;${FONT}font-size:13px;line-height:20px;color:#64748b;">${escapeHtml(words.copyLink)}<br><a href="${url}" dir="ltr" style="color:${brand.primaryColor};word-break:break-all;">${url}</a></p>`;
}

function poweredBy(brand: EmailBrand, words: EmailLayoutText): string {
  if (brand.hidePoweredBy) return '';
  return `<p style="margin:16px 0 0;${FONT}font-size:12px;color:#94a3b8;text-align:center;"><a href="${escapeHtml(platformOrigin())}" style="color:#94a3b8;">${escapeHtml(words.poweredBy)}</a></p>`;
}

function renderEmailHtml(input: EmailLayoutInput): string {
  const { brand } = input;
  const language = input.language ?? DEFAULT_LANGUAGE;
  const dir = directionOf(language);
  const rtl = dir === 'rtl';
  const words = emailLayoutText(language);
  // Mail clients that drop the root's attributes (webmail shows the body inside its own page)
  // still see the direction on the message's table, and its alignment.
  const align = rtl ? 'text-align:right;' : '';
  const paragraphs = input.paragraphs.map((p) => `<p style="margin:0 0 16px;${FONT}font-size:15px;line-height:24px;color:#334155;">${escapeHtml(p)}</p>`).join('\n');
  const footnote = input.footnote ? `<p style="margin:16px 0 0;${FONT}font-size:13px;line-height:20px;color:#64748b;">${escapeHtml(input.footnote)}</p>` : '';
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(input.heading)}</title></head>
<body style="margin:0;padding:0;background-color:#f1f5f9;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(input.preview)}</div>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background-color:#f1f5f9;">
<tr><td align="center" style="padding:32px 16px;">
<table role="presentation" dir="${dir}" width="100%" cellspacing="0" cellpadding="0" border="0" style="max-width:560px;background-color:#ffffff;border-radius:8px;border-top:4px solid ${brand.primaryColor};${align}">
${header(brand, rtl)}
<tr><td style="padding:32px;">
<h1 style="margin:0 0 20px;${FONT}font-size:22px;line-height:30px;color:#0f172a;">${escapeHtml(input.heading)}</h1>
${paragraphs}
${input.action ? button(brand, input.action, words) : ''}
${footnote}
</td></tr>
</table>
${poweredBy(brand, words)}
</td></tr>
</table>
</body>
</html>`;
}

function renderEmailText(input: EmailLayoutInput): string {
  const parts = [input.brand.name, input.heading, ...input.paragraphs];
  if (input.action) parts.push(`${input.action.label}: ${input.action.url}`);
  if (input.footnote) parts.push(input.footnote);
  if (!input.brand.hidePoweredBy) parts.push(`--\n${emailLayoutText(input.language ?? DEFAULT_LANGUAGE).poweredBy} (${platformOrigin()})`);
  return `${parts.join('\n\n')}\n`;
}

/** The HTML and plain-text parts of one message, from the same content. */
export function renderEmail(input: EmailLayoutInput): RenderedEmail {
  if (input.action) assertHttpUrl(input.action.url);
  return { html: renderEmailHtml(input), text: renderEmailText(input) };
}
