import { generate, ident, parse, tokenTypes, url as cssUrl, walk, type Atrule, type Block, type CssNode, type Declaration, type GenerateHandlers, type Rule, type StyleSheet } from 'css-tree';

// Tenant custom CSS is rendered inside a <style> element on every branded page, the signed-out
// sign-in page included. It must not be able to close that element, pull in other stylesheets
// or fetch anything but the workspace's own uploads (a remote fetch leaks every visitor's IP).
//
// The CSS is parsed with css-tree and written out again from the syntax tree, keeping only an
// allow-list of at-rules, properties and functions. Decisions are made on decoded names and
// values, and the output is regenerated (never copied from the input), so no escape survives to
// be decoded differently later: sanitizing the output again changes nothing.

export const MAX_CUSTOM_CSS_LENGTH = 20_000;

/**
 * The only URL kept: an uploaded brand image, which app/api/assets/[assetId] serves on the
 * requesting host from that host's own workspace (same id format as the route accepts).
 */
const ASSET_URL = /^\/api\/assets\/[a-z0-9]{10,40}$/;

const PROPERTIES = new Set(
  [
    // color and backgrounds
    'color accent-color caret-color color-scheme opacity fill fill-opacity stroke stroke-width stroke-opacity',
    'background background-color background-image background-position background-position-x background-position-y background-size background-repeat background-attachment background-clip background-origin background-blend-mode',
    'filter backdrop-filter mix-blend-mode isolation',
    // borders, outlines, shadows
    'border border-width border-style border-color border-radius border-collapse border-spacing',
    'border-top border-right border-bottom border-left border-block border-inline border-block-start border-block-end border-inline-start border-inline-end',
    'border-top-width border-right-width border-bottom-width border-left-width border-top-style border-right-style border-bottom-style border-left-style',
    'border-top-color border-right-color border-bottom-color border-left-color border-block-color border-inline-color border-block-width border-inline-width border-block-style border-inline-style',
    'border-top-left-radius border-top-right-radius border-bottom-left-radius border-bottom-right-radius border-start-start-radius border-start-end-radius border-end-start-radius border-end-end-radius',
    'outline outline-color outline-style outline-width outline-offset box-shadow text-shadow',
    // spacing and sizing
    'margin margin-top margin-right margin-bottom margin-left margin-block margin-block-start margin-block-end margin-inline margin-inline-start margin-inline-end',
    'padding padding-top padding-right padding-bottom padding-left padding-block padding-block-start padding-block-end padding-inline padding-inline-start padding-inline-end',
    'width height min-width min-height max-width max-height inline-size block-size min-inline-size min-block-size max-inline-size max-block-size aspect-ratio box-sizing',
    // layout
    'display visibility position top right bottom left inset inset-block inset-inline z-index float clear overflow overflow-x overflow-y overflow-wrap vertical-align object-fit object-position',
    'flex flex-direction flex-wrap flex-flow flex-grow flex-shrink flex-basis order gap row-gap column-gap',
    'justify-content justify-items justify-self align-content align-items align-self place-content place-items place-self',
    'grid grid-template grid-template-columns grid-template-rows grid-template-areas grid-area grid-column grid-row grid-column-start grid-column-end grid-row-start grid-row-end grid-auto-flow grid-auto-columns grid-auto-rows',
    'columns column-count column-width column-rule column-rule-color column-rule-style column-rule-width column-span',
    'container container-type container-name table-layout caption-side empty-cells clip-path',
    // typography
    'font font-family font-size font-weight font-style font-variant font-stretch font-feature-settings font-variation-settings font-kerning font-optical-sizing font-synthesis line-height letter-spacing word-spacing',
    'text-align text-align-last text-decoration text-decoration-line text-decoration-color text-decoration-style text-decoration-thickness text-underline-offset text-underline-position text-transform text-indent text-overflow text-wrap text-rendering',
    'white-space word-break hyphens tab-size direction unicode-bidi writing-mode list-style list-style-type list-style-position list-style-image content quotes counter-reset counter-increment counter-set',
    // motion and interaction
    'transition transition-property transition-duration transition-timing-function transition-delay transition-behavior',
    'animation animation-name animation-duration animation-timing-function animation-delay animation-iteration-count animation-direction animation-fill-mode animation-play-state animation-composition',
    'transform transform-origin transform-style translate rotate scale perspective perspective-origin backface-visibility will-change',
    'cursor pointer-events user-select resize appearance scroll-behavior scroll-margin scroll-padding scroll-snap-type scroll-snap-align scrollbar-color scrollbar-width scrollbar-gutter touch-action all',
  ]
    .join(' ')
    .split(' '),
);

/** Prefixed properties that have no allowed unprefixed twin. */
const VENDOR_PROPERTIES = new Set(['-webkit-font-smoothing', '-moz-osx-font-smoothing', '-webkit-line-clamp', '-webkit-box-orient', '-webkit-text-fill-color', '-webkit-text-stroke', '-webkit-tap-highlight-color']);

// No url() (kept only as the asset path above), image-set(), src(), image(), element(),
// cross-fade(), paint(), attr() or expression(): each can fetch something or run code.
const VALUE_FUNCTIONS = new Set(
  [
    'rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix light-dark',
    'calc min max clamp round mod rem abs sign sin cos tan asin acos atan atan2 pow sqrt hypot log exp var env',
    'linear-gradient radial-gradient conic-gradient repeating-linear-gradient repeating-radial-gradient repeating-conic-gradient -webkit-linear-gradient -webkit-radial-gradient -webkit-repeating-linear-gradient -webkit-repeating-radial-gradient',
    'matrix matrix3d translate translatex translatey translatez translate3d scale scalex scaley scalez scale3d rotate rotatex rotatey rotatez rotate3d skew skewx skewy perspective',
    'cubic-bezier steps linear blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia',
    'repeat minmax fit-content counter counters inset circle ellipse polygon rect xywh',
  ]
    .join(' ')
    .split(' '),
);
const SELECTOR_FUNCTIONS = new Set('not is where has nth-child nth-last-child nth-of-type nth-last-of-type lang dir host host-context slotted state -webkit-any -moz-any'.split(' '));
/** @supports selector(...) tests selector support; other prelude functions are value functions. */
const PRELUDE_FUNCTIONS = new Set([...VALUE_FUNCTIONS, 'selector']);
const ANY_FUNCTION = new Set([...PRELUDE_FUNCTIONS, ...SELECTOR_FUNCTIONS]);

const ENDS_VALUE = new Set([tokenTypes.Ident, tokenTypes.Number, tokenTypes.Dimension, tokenTypes.Percentage, tokenTypes.Hash, tokenTypes.String, tokenTypes.Url, tokenTypes.RightParenthesis, tokenTypes.RightSquareBracket]);
const STARTS_VALUE = new Set([tokenTypes.Ident, tokenTypes.Number, tokenTypes.Dimension, tokenTypes.Percentage, tokenTypes.Hash, tokenTypes.String, tokenTypes.Url, tokenTypes.Function, tokenTypes.LeftSquareBracket]);
const VALUE_NODES = new Set(['Value', 'Identifier', 'Number', 'Dimension', 'Percentage', 'Hash', 'String', 'Operator', 'Function', 'Url', 'Parentheses', 'Brackets', 'WhiteSpace']);

/** At-rules whose block holds rules (or, nested in a rule, declarations). The rest are dropped. */
const GROUPING_AT_RULES = new Set(['media', 'supports', 'container', 'layer']);
const KEYFRAMES = new Set(['keyframes', '-webkit-keyframes']);

type Context = 'selector' | 'value' | 'custom-value' | 'prelude';
/** What a block may hold: rules (style sheet, @media), declarations (a rule), keyframe rules, or a keyframe's declarations. */
type BlockKind = 'rules' | 'declarations' | 'keyframes' | 'keyframe';

export interface CleanedCss {
  css: string;
  /** Short excerpts of what was removed, in order, for telling the admin. */
  removed: string[];
  /** Whether rules were left out because the result would pass MAX_CUSTOM_CSS_LENGTH. */
  overLimit: boolean;
}

export function sanitizeCss(input: string | null | undefined): string {
  return cleanCss(input).css;
}

export function cleanCss(input: string | null | undefined): CleanedCss {
  const removed: string[] = [];
  if (!input) return { css: '', removed, overLimit: false };
  const sheet = parseCss(input);
  let css = '';
  let overLimit = false;
  for (const node of sheet.children) {
    const text = serialize(node, 0, 'rules', removed);
    if (text === null) continue;
    const next = css ? `${css}\n\n${text}` : text;
    // Whole rules only, so the output stays valid CSS and is its own fixed point.
    if (overLimit || next.length > MAX_CUSTOM_CSS_LENGTH) overLimit = true;
    else css = next;
  }
  if (overLimit) removed.push(`rules past the ${MAX_CUSTOM_CSS_LENGTH.toLocaleString('en-US')}-character limit`);
  return { css, removed, overLimit };
}

/**
 * Parses up to MAX_CUSTOM_CSS_LENGTH characters. css-tree 3.2.1 reuses its token buffers from
 * one parse to the next and, on a stray closing bracket, reads the slot just past the end of
 * the source, which an earlier, longer source may have filled: "())(" parsed after a longer
 * style sheet makes it loop forever. Every source is padded to the same length, so that slot is
 * never filled (nothing else in the app parses CSS with css-tree).
 */
export function parseCss(css: string): StyleSheet {
  const source = css.slice(0, MAX_CUSTOM_CSS_LENGTH).padEnd(MAX_CUSTOM_CSS_LENGTH);
  return parse(source, { parseValue: true, parseCustomProperty: true, onParseError: () => {} }) as StyleSheet;
}

function serialize(node: CssNode, depth: number, kind: BlockKind, removed: string[]): string | null {
  switch (node.type) {
    case 'Rule':
      return kind === 'keyframe' ? drop(removed, node) : rule(node, depth, kind, removed);
    case 'Atrule':
      return atRule(node, depth, kind, removed);
    case 'Declaration':
      return kind === 'declarations' || kind === 'keyframe' ? declaration(node, depth, removed) : drop(removed, node);
    case 'Comment':
    case 'CDO':
    case 'CDC':
      return null;
    case 'Raw':
      // What the parser could not read (stray ";" included).
      return node.value.replace(/[\s;]/g, '') ? drop(removed, node) : null;
    default:
      return drop(removed, node);
  }
}

function rule(node: Rule, depth: number, kind: BlockKind, removed: string[]): string | null {
  const selector = node.prelude.type === 'Raw' ? null : checkedGenerate(node.prelude, 'selector');
  if (selector === null) return drop(removed, node.prelude);
  const body = block(node.block, depth + 1, kind === 'keyframes' ? 'keyframe' : 'declarations', removed);
  const indent = '  '.repeat(depth);
  return body ? `${indent}${selector} {\n${body}\n${indent}}` : null;
}

function atRule(node: Atrule, depth: number, kind: BlockKind, removed: string[]): string | null {
  const name = ident.decode(node.name).toLowerCase();
  const keyframes = KEYFRAMES.has(name) && kind === 'rules';
  if (!(keyframes || (GROUPING_AT_RULES.has(name) && (kind === 'rules' || kind === 'declarations')))) return drop(removed, `@${name}`);
  let prelude = '';
  if (node.prelude) {
    const text = node.prelude.type === 'Raw' ? null : checkedGenerate(node.prelude, 'prelude');
    if (text === null) return drop(removed, `@${name} ${generate(node.prelude)}`);
    prelude = text ? ` ${text}` : '';
  }
  const indent = '  '.repeat(depth);
  // "@layer a, b;" only declares the order of layers.
  if (!node.block) return name === 'layer' && prelude ? `${indent}@layer${prelude};` : drop(removed, `@${name}`);
  const body = block(node.block, depth + 1, keyframes ? 'keyframes' : kind, removed);
  return body ? `${indent}@${name}${prelude} {\n${body}\n${indent}}` : null;
}

function block(node: Block, depth: number, kind: BlockKind, removed: string[]): string {
  const lines: string[] = [];
  for (const child of node.children) {
    const text = serialize(child, depth, kind, removed);
    if (text !== null) lines.push(text);
  }
  return lines.join('\n');
}

function declaration(node: Declaration, depth: number, removed: string[]): string | null {
  const decoded = ident.decode(node.property);
  const custom = decoded.startsWith('--');
  const property = custom ? ident.encode(decoded) : decoded.toLowerCase();
  if (!custom && !propertyAllowed(property)) return drop(removed, node);
  // css-tree keeps old IE hacks such as "!ie" as a string.
  if (typeof node.important === 'string' || node.value.type === 'Raw' || node.value.children.isEmpty) return drop(removed, node);
  const value = checkedGenerate(node.value, custom ? 'custom-value' : 'value');
  if (value === null || property.includes('<')) return drop(removed, node);
  return `${'  '.repeat(depth)}${property}: ${value}${node.important ? ' !important' : ''};`;
}

function propertyAllowed(property: string): boolean {
  return PROPERTIES.has(property) || VENDOR_PROPERTIES.has(property) || PROPERTIES.has(property.replace(/^-(webkit|moz)-/, ''));
}

/**
 * The node written out as CSS, or null when it holds anything not allowed. Checks the tree
 * (node types, function names, URLs), then every token as it is written: no "<" outside strings
 * (inside them it is written as the escape \3c), no URL but an asset, no unknown function.
 */
function checkedGenerate(node: CssNode, context: Context): string | null {
  let ok = true;
  const functions = context === 'prelude' ? PRELUDE_FUNCTIONS : VALUE_FUNCTIONS;
  walk(node, (child, item, list) => {
    canonicalNames(child);
    if (child.type === 'Comment') list?.remove(item);
    else if (child.type === 'Raw') ok = false;
    else if (child.type === 'Url') ok &&= ASSET_URL.test(child.value);
    else if (child.type === 'Function') {
      const name = ident.decode(child.name);
      ok &&= functions.has(name.toLowerCase());
      child.name = name; // an allowed name needs no escapes
    } else if ((child.type === 'PseudoClassSelector' || child.type === 'PseudoElementSelector') && child.children) {
      const name = ident.decode(child.name);
      ok &&= SELECTOR_FUNCTIONS.has(name.toLowerCase());
      child.name = name;
    }
    if ((context === 'value' || context === 'custom-value') && !VALUE_NODES.has(child.type)) ok = false;
  });
  if (!ok) return null;
  const inValue = context === 'value' || context === 'custom-value';
  let previous = tokenTypes.EOF;
  const text = generate(node, {
    decorator: (handlers: GenerateHandlers): GenerateHandlers => ({
      ...handlers,
      // Spaces that change nothing but make the result easier to read in the settings form:
      // "a > b", "h1, h2", "url(…) no-repeat" rather than "a>b", "h1,h2", "url(…)no-repeat".
      node(child) {
        const spaced = child.type === 'Combinator' && child.name !== ' ';
        if (spaced) this.emit(' ', tokenTypes.WhiteSpace, true);
        handlers.node.call(this, child);
        if (spaced) this.emit(' ', tokenTypes.WhiteSpace, true);
      },
      tokenBefore(prevCode, type, value) {
        const code = handlers.tokenBefore.call(this, prevCode, type, value);
        return inValue && ENDS_VALUE.has(previous) && STARTS_VALUE.has(type) ? code | 1 : code;
      },
      token(type, value, suppressAutoWhiteSpace) {
        if (type === tokenTypes.String) value = value.replace(/</g, '\\3c ');
        else ok &&= tokenAllowed(type, value);
        handlers.token.call(this, type, value, suppressAutoWhiteSpace);
        previous = type;
        if (type === tokenTypes.Comma) this.emit(' ', tokenTypes.WhiteSpace, true);
      },
    }),
  });
  return ok ? text : null;
}

/** Fields that css-tree keeps as written, escapes included. */
const NAME_FIELDS = ['name', 'property', 'unit', 'mediaType', 'modifier', 'flags'];

/**
 * Rewrites escaped names in their one canonical spelling. Kept as written, an escape at the end
 * of a name would swallow the space after it on the next pass (and the output would change).
 */
function canonicalNames(node: CssNode): void {
  const fields = node as unknown as Record<string, unknown>;
  for (const key of node.type === 'Hash' ? ['value'] : NAME_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' && value.includes('\\')) fields[key] = ident.encode(ident.decode(value));
  }
}

function tokenAllowed(type: number, value: string): boolean {
  if (value.includes('<')) return false;
  switch (type) {
    case tokenTypes.Url:
      return ASSET_URL.test(cssUrl.decode(value));
    case tokenTypes.Function:
      return ANY_FUNCTION.has(ident.decode(value.slice(0, -1)).toLowerCase());
    case tokenTypes.Delim:
      return value !== '\\';
    case tokenTypes.BadString:
    case tokenTypes.BadUrl:
    case tokenTypes.AtKeyword:
    case tokenTypes.CDO:
    case tokenTypes.CDC:
    case tokenTypes.Comment:
      return false;
    default:
      return true;
  }
}

/** Records what was removed (as a short excerpt of it) and returns null. */
function drop(removed: string[], what: CssNode | string): null {
  const text = (typeof what === 'string' ? what : generate(what)).replace(/\s+/g, ' ').trim();
  removed.push(text.length > 60 ? `${text.slice(0, 59)}…` : text);
  return null;
}
