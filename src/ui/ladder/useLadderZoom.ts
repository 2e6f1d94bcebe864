import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { clampView, MAX_ZOOM, MIN_ZOOM, revealY, wheelZoomStep, zoomAbout, type LadderView, type ViewBounds } from './view.ts';

const LINE_HEIGHT = 16;

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
      // Small steps about the pointer (d3-zoom keeps the point under the pointer where it is).
      .wheelDelta((event: WheelEvent) => wheelZoomStep(event.deltaY, event.deltaMode))
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
    (factor: number) => apply((view) => zoomAbout(view, factor, boundsRef.current)),
    [apply],
  );

  const reveal = useCallback(
    (y: number, margin: number) => apply((view) => revealY(view, y, margin, boundsRef.current)),
    [apply],
  );

  return { view, reset, zoomBy, reveal };
}
