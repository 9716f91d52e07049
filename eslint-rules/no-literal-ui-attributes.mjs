// react/jsx-no-literals catches words between tags; this catches the words people read or
// hear in attributes (a button's aria-label, a field's placeholder, an image's alt), which
// that rule cannot single out from class names. Files on TRANSLATED_FILES take both.

const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label', 'description', 'emptyText', 'emptyMessage', 'confirmLabel', 'cancelLabel', 'heading', 'subtitle']);

/** A word a person reads: two letters in a row (not "#", "—", "px", a URL or an email example). */
const hasWords = (text) => /\p{L}{2}/u.test(text) && !/^(https?:\/\/|mailto:|[\w.+-]+@[\w.-]+$)/.test(text.trim());

/** @type {import('eslint').Rule.RuleModule} */
export const noLiteralUiAttributes = {
  meta: {
    type: 'problem',
    docs: { description: 'Attributes people read come from the message catalogs' },
    schema: [],
    messages: { literal: '"{{name}}" is read by people: take it from the message catalogs (messages/<language>/*.json).' },
  },
  create(context) {
    const check = (node, name, value) => {
      if (value?.type === 'Literal' && typeof value.value === 'string' && hasWords(value.value)) context.report({ node, messageId: 'literal', data: { name } });
      if (value?.type === 'JSXExpressionContainer') {
        const expression = value.expression;
        if (expression.type === 'Literal' && typeof expression.value === 'string' && hasWords(expression.value)) context.report({ node, messageId: 'literal', data: { name } });
        if (expression.type === 'TemplateLiteral' && expression.quasis.some((quasi) => hasWords(quasi.value.cooked ?? ''))) context.report({ node, messageId: 'literal', data: { name } });
      }
    };
    return {
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (name && READ_ATTRIBUTES.has(name)) check(node, name, node.value);
      },
    };
  },
};
