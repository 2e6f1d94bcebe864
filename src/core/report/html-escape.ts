const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

/** Text as HTML or XML character data or an attribute value: log text is data, never markup. */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex -- controls other than tab and line breaks are not allowed in XML
  return text.replace(/[&<>"']/g, (c) => ENTITIES.get(c) ?? c).replace(/[\u0000-\u0008\v\f\u000e-\u001f\u007f]/g, '\ufffd');
}
