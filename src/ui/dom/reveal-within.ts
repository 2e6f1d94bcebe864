/** The nearest ancestor that scrolls vertically: where an element can be revealed without moving the page. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight) return parent;
  }
  return null;
}

/**
 * Scrolls the element's own pane, and only that pane, until the element is in view. `scrollIntoView` would
 * scroll the page too: on a phone, where the regions stack, the page would jump to the pane on every selection.
 */
export function revealWithin(element: HTMLElement, margin = 8) {
  const pane = scrollingAncestor(element);
  if (!pane) return;
  const paneBox = pane.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  if (box.top < paneBox.top + margin) pane.scrollTop -= paneBox.top + margin - box.top;
  else if (box.bottom > paneBox.bottom - margin) pane.scrollTop += Math.min(box.bottom - paneBox.bottom + margin, box.top - paneBox.top - margin);
}
