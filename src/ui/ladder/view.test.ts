import { describe, expect, test } from 'vitest';
import { clampView, MAX_WHEEL_STEP, MAX_ZOOM, MIN_ZOOM, revealY, wheelZoomStep, zoomAbout, type LadderView } from './view.ts';

// A drawing 2000 px tall seen through a 500 px view.
const bounds = { content: 2000, view: 500 };

describe('clampView', () => {
  const cases: [name: string, view: LadderView, expected: LadderView][] = [
    ['at the top', { k: 1, ty: 0 }, { k: 1, ty: 0 }],
    ['pulled down past the top', { k: 1, ty: 120 }, { k: 1, ty: 0 }],
    ['in the middle', { k: 1, ty: -700 }, { k: 1, ty: -700 }],
    ['at the bottom', { k: 1, ty: -1500 }, { k: 1, ty: -1500 }],
    ['pushed up past the bottom', { k: 1, ty: -1800 }, { k: 1, ty: -1500 }],
    ['zoomed in 2×, bottom', { k: 2, ty: -5000 }, { k: 2, ty: -3500 }],
    ['zoomed out until it all fits: pinned to the top', { k: 0.2, ty: -50 }, { k: 0.2, ty: 0 }],
    ['zoom below the minimum', { k: 0.01, ty: 0 }, { k: MIN_ZOOM, ty: 0 }],
    ['zoom above the maximum', { k: 10, ty: 0 }, { k: MAX_ZOOM, ty: 0 }],
  ];
  for (const [name, view, expected] of cases) test(name, () => expect(clampView(view, bounds)).toEqual(expected));

  test('a drawing shorter than the view never moves', () => {
    expect(clampView({ k: 1, ty: -100 }, { content: 300, view: 500 })).toEqual({ k: 1, ty: 0 });
  });
});

describe('zoomAbout', () => {
  test('the drawing y in the middle of the view stays in the middle', () => {
    const view = { k: 1, ty: -600 };
    const middleY = (250 - view.ty) / view.k;
    for (const factor of [1.25, 0.8, 2]) {
      const zoomed = zoomAbout(view, factor, bounds);
      expect(zoomed.ty + zoomed.k * middleY).toBeCloseTo(250);
      expect(zoomed.k).toBeCloseTo(factor);
    }
  });

  test('zooming out at the top keeps the top in place', () => {
    expect(zoomAbout({ k: 1, ty: 0 }, 0.8, bounds)).toEqual({ k: 0.8, ty: 0 });
  });

  test('the zoom stops at its limits', () => {
    expect(zoomAbout({ k: 3.5, ty: 0 }, 2, bounds).k).toBe(MAX_ZOOM);
    expect(zoomAbout({ k: 0.12, ty: 0 }, 0.5, bounds).k).toBe(MIN_ZOOM);
  });
});

describe('revealY', () => {
  const cases: [name: string, view: LadderView, y: number, expected: LadderView][] = [
    ['already in view: no pan', { k: 1, ty: 0 }, 200, { k: 1, ty: 0 }],
    ['below the view: centred', { k: 1, ty: 0 }, 1000, { k: 1, ty: -750 }],
    ['above the view: centred', { k: 1, ty: -1000 }, 300, { k: 1, ty: -50 }],
    ['inside the margin counts as out of view', { k: 1, ty: 0 }, 480, { k: 1, ty: -230 }],
    ['near the top of the drawing: centring stops at the top', { k: 1, ty: -900 }, 100, { k: 1, ty: 0 }],
    ['near the bottom: stops at the bottom', { k: 1, ty: 0 }, 1990, { k: 1, ty: -1500 }],
    ['zoomed: keeps the zoom', { k: 2, ty: 0 }, 400, { k: 2, ty: -550 }],
  ];
  for (const [name, view, y, expected] of cases) {
    test(name, () => expect(revealY(view, y, 60, bounds)).toEqual(expected));
  }
});

describe('Ctrl + wheel zoom', () => {
  const cases = [
    { name: 'one mouse notch in zooms one small step', deltaY: -100, deltaMode: 0, step: MAX_WHEEL_STEP },
    { name: 'one notch out zooms one small step out', deltaY: 100, deltaMode: 0, step: -MAX_WHEEL_STEP },
    { name: 'a notch in lines (Firefox) is the same step', deltaY: -3, deltaMode: 1, step: MAX_WHEEL_STEP },
    { name: 'a small pinch zooms a little', deltaY: -4, deltaMode: 0, step: 0.04 },
    { name: 'no movement, no zoom', deltaY: 0, deltaMode: 0, step: 0 },
  ];
  for (const c of cases) test(c.name, () => expect(wheelZoomStep(c.deltaY, c.deltaMode)).toBeCloseTo(c.step));

  test('one notch from 100% stays under 125%, where it used to jump to 400%', () => {
    expect(2 ** wheelZoomStep(-100, 0)).toBeLessThan(1.25);
    expect(2 ** wheelZoomStep(-100, 0)).toBeGreaterThan(1.1);
  });
});
