/**
 * Where a CodeMirror view lives: inside its host's own (open) shadow root. In a shadow root CodeMirror puts its
 * styles into a constructable style sheet (`adoptedStyleSheets`); in the document it would add a `<style>`
 * element, which a host's strict `style-src 'self'` refuses, leaving the editor unstyled. Inherited properties
 * (colour, fonts, the page's CSS variables) still reach the editor through the shadow root.
 */
export function editorParent(host: HTMLElement): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = host.ownerDocument.createElement('div');
  // Set through the CSSOM, which a style-src policy allows (a style attribute in markup it would not).
  parent.style.height = '100%';
  root.replaceChildren(parent);
  return parent;
}
