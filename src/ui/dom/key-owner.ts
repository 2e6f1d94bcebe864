/** Where a page-wide shortcut key must not act: typing in a field, an editor, an open dialog. */
const OWNS_KEYS = 'input, textarea, select, [contenteditable="true"], .cm-editor, dialog';

/**
 * Whether a key press belongs to the element it was pressed in rather than to the page's shortcuts. The editors
 * live in shadow roots, where the event's target seen from the window is their host: the first element of its
 * composed path is the one that really has the focus.
 */
export function keyOwnedByFocus(event: KeyboardEvent, alsoDialogs = true): boolean {
  const target = event.composedPath()[0] ?? event.target;
  if (!(target instanceof Element)) return false;
  const owner = target.closest(OWNS_KEYS);
  return owner !== null && (alsoDialogs || owner.tagName !== 'DIALOG');
}
