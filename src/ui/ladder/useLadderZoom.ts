import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

/** The ladder's vertical view: drawing y at zoom 1 maps to screen y = ty + k * y. Lanes never move sideways. */
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
const LINE_HEIGHT = 16;

/** Keeps the drawing's top at or above the view's top and its bottom at or below the view's bottom. */
export function clampView(view: LadderView, bounds: ViewBounds): LadderView {
  const lowest = Math.min(0, bounds.view - view.k * bounds.content);
  return { k: view.k, ty: Math.min(0, Math.max(lowest, view.ty)) };
}

const toTransform = ({ k, ty }: LadderView): ZoomTransform => zoomIdentity.translate(0, ty).scale(k);

export interface LadderZoom {
  view: LadderView;
  reset: () => void;
  zoomBy: (factor: number) => void;
  /** Pans (at the current zoom) so that drawing y `y` is in view, `margin` pixels from either edge. */
  reveal: (y: number, margin: number) => void;
}

/**
 * d3-zoom on the ladder's <svg>: the wheel and dragging pan vertically, Ctrl/⌘ + wheel and pinch zoom.
 * The only code that touches the ladder's DOM; React draws everything from `view`.
 */
export function useLadderZoom(target: RefObject<SVGSVGElement | null>, bounds: ViewBounds): LadderZoom {
  const [view, setView] = useState<LadderView>({ k: 1, ty: 0 });
  // The element and its zoom behaviour while mounted: the callbacks below act through it.
  const attached = useRef<{ svg: SVGSVGElement; z: ZoomBehavior<SVGSVGElement, unknown> } | null>(null);
  const boundsRef = useRef(bounds);

  useEffect(() => {
    const svg = target.current;
    if (!svg) return;
    const selection = select(svg);
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      // The wheel alone pans (below); with Ctrl or ⌘ (and a trackpad pinch, which sets ctrlKey) it zooms.
      .filter((event: MouseEvent | WheelEvent | TouchEvent) =>
        event.type === 'wheel' ? event.ctrlKey || event.metaKey : !('button' in event && event.button),
      )
      .constrain((t) => toTransform(clampView({ k: t.k, ty: t.y }, boundsRef.current)))
      .on('zoom', (event: { transform: ZoomTransform }) => setView({ k: event.transform.k, ty: event.transform.y }));
    selection.call(z).on('dblclick.zoom', null);
    selection.on(
      'wheel.pan',
      (event: WheelEvent) => {
        if (event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        const dy = event.deltaMode === 1 ? event.deltaY * LINE_HEIGHT : event.deltaY;
        z.translateBy(selection, 0, -dy / zoomTransform(svg).k);
      },
      { passive: false },
    );
    attached.current = { svg, z };
    return () => {
      selection.on('.zoom', null).on('wheel.pan', null);
      attached.current = null;
    };
  }, [target]);

  // New bounds (a resize, another negotiation): keep the view inside them.
  useEffect(() => {
    boundsRef.current = bounds;
    const current = attached.current;
    if (current) current.z.transform(select(current.svg), zoomTransform(current.svg));
  }, [bounds]);

  const apply = useCallback((next: (current: LadderView) => LadderView) => {
    const current = attached.current;
    if (!current) return;
    const t = zoomTransform(current.svg);
    current.z.transform(select(current.svg), toTransform(next({ k: t.k, ty: t.y })));
  }, []);

  const reset = useCallback(() => apply(() => ({ k: 1, ty: 0 })), [apply]);

  const zoomBy = useCallback(
    (factor: number) =>
      apply(({ k, ty }) => {
        // Zoom about the middle of the view.
        const middle = boundsRef.current.view / 2;
        const k1 = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k * factor));
        return { k: k1, ty: middle - ((middle - ty) * k1) / k };
      }),
    [apply],
  );

  const reveal = useCallback(
    (y: number, margin: number) =>
      apply(({ k, ty }) => {
        const screenY = ty + k * y;
        const height = boundsRef.current.view;
        if (screenY >= margin && screenY <= height - margin) return { k, ty };
        return { k, ty: height / 2 - k * y };
      }),
    [apply],
  );

  return { view, reset, zoomBy, reveal };
}
