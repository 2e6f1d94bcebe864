/**
 * The ladder's vertical view as plain numbers: drawing y at zoom 1 maps to screen y = ty + k * y. Lanes never
 * move sideways, so x takes no part. Pure, so the pan and zoom rules are tested without a browser.
 */
export interface LadderView {
  k: number;
  ty: number;
}

export interface ViewBounds {
  /** Height of the drawing at zoom 1. */
  content: number;
  /** Height of the element it is seen through. */
  view: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;

/** Keeps the drawing's top at or above the view's top and its bottom at or below the view's bottom. */
export function clampView(view: LadderView, bounds: ViewBounds): LadderView {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k));
  const lowest = Math.min(0, bounds.view - k * bounds.content);
  return { k, ty: Math.min(0, Math.max(lowest, view.ty)) };
}

/** Zooms by `factor` about the middle of the view: what is there stays there. */
export function zoomAbout(view: LadderView, factor: number, bounds: ViewBounds): LadderView {
  const middle = bounds.view / 2;
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
  return clampView({ k, ty: middle - ((middle - view.ty) * k) / view.k }, bounds);
}

/**
 * Pans as little as needed to bring drawing y `y` into view at least `margin` pixels from either edge: not
 * at all when it already is, else so that it sits in the middle.
 */
export function revealY(view: LadderView, y: number, margin: number, bounds: ViewBounds): LadderView {
  const screenY = view.ty + view.k * y;
  if (screenY >= margin && screenY <= bounds.view - margin) return view;
  return clampView({ k: view.k, ty: bounds.view / 2 - view.k * y }, bounds);
}

/** The most one wheel event zooms, in powers of two: 2^0.25, about 19%. */
export const MAX_WHEEL_STEP = 0.25;

/**
 * How far one Ctrl/⌘ + wheel event zooms, in powers of two (d3-zoom's wheelDelta). d3's own reading
 * multiplies by 10 when Ctrl is held, so one mouse notch (100 pixels) jumped from 100% to 400%; capped, a
 * notch is a small step and a trackpad pinch, whose events are small, stays smooth.
 */
export function wheelZoomStep(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const step = -pixels * 0.01;
  return Math.max(-MAX_WHEEL_STEP, Math.min(MAX_WHEEL_STEP, step));
}
