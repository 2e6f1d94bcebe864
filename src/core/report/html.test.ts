import { describe, expect, test } from 'vitest';
import { htmlReport } from './html.ts';
import { corpusCases, reportSourceOf, seedSource, shownKeys } from './report-fixtures.test-helper.ts';
import { ladderLayoutOf, ladderPages, ladderSvg } from './ladder-svg.ts';
import { buildTimeline } from '../timeline/timeline.ts';

/**
 * What makes a report not self-contained or not inert: a script, a handler, a URL to fetch or follow. A URL
 * the input's own text holds (a corpus file's `# source:` line) is shown as text in a <pre>, escaped: only
 * the markup around the input's lines must name none.
 */
function expectSelfContained(html: string, inputHasUrls = false): void {
  expect(html).not.toMatch(/<script/i);
  expect(inputHasUrls ? html.replace(/<pre>[\s\S]*?<\/pre>/g, '') : html).not.toMatch(/https?:/i);
  expect(html).not.toMatch(/\s(href|src)=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/url\(|@import|<link|<img|<iframe|<object|<embed/i);
}

describe('the seed as an HTML report', () => {
  const source = seedSource();
  const html = htmlReport(source);

  test('is one self-contained document: inline style, no script, no URL', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('<title>ikescope report: R2 (2001:DB8::2) → R3 (2001:DB8::3)</title>');
    expectSelfContained(html);
  });

  test('draws the ladder as inline SVG, one arrow per message in ladder order', () => {
    const arrows = [...html.matchAll(/data-testid="ladder\.arrow\.([^"]+)"/g)].map((m) => m[1]);
    expect(arrows).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
    expect(html).toContain('>IKE_P1_COMPLETE</text>');
  });

  test('groups each message with its annotated lines, its guide and its configuration, keys masked', () => {
    const mm5 = html.slice(html.indexOf('>5. MM5: Main Mode 5'), html.indexOf('>6. MM6'));
    expect(mm5).toContain('<h5>Debug lines of R2 (initiator)</h5>');
    expect(mm5).toContain('<span class="ann">');
    expect(mm5).toContain('<strong>Includes:</strong> ID (address or hostname');
    expect(mm5).toContain('<h5>Related configuration in seed-R3.config.txt</h5>');
    expect(mm5).toContain('crypto isakmp key ***** address ipv6 ::/0');
    expect(new Set(shownKeys(html))).toEqual(new Set(['*****']));
    expect(new Set(shownKeys(htmlReport(source, { includeKeys: true })))).toEqual(new Set(['cisco']));
  });

  test('shows each config with its unsaid defaults and the lines the negotiation depends on', () => {
    expect(html).toContain('<mark>crypto isakmp policy 10</mark>');
    expect(html).toContain('<span class="def">       lifetime 86400   ! IOS default: default IKE SA lifetime (seconds)</span>');
    expect(html).toContain('data-testid="finding.WEAK_CRYPTO"');
    expect(html).toContain('<h3>Verification of phase 2 1371333358 (show crypto ipsec sa)</h3>');
  });

  test('log text is data: what a router is named is escaped, never markup', () => {
    const n = source.negotiations[0]!;
    // hand-written: a router name no IOS prompt allows, to prove escaping
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const routers = { initiator: { ...n.routers.initiator, name: evil }, responder: n.routers.responder };
    const out = htmlReport({ ...source, negotiations: [{ ...n, routers }] });
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(out).not.toMatch(/<script|<img/i);
  });
});

test('a long ladder is cut between rows into pages, each page drawing its rows once', () => {
  const run = reportSourceOf(['fixtures/corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log']);
  const n = run.negotiations[0]!;
  const layout = ladderLayoutOf(n, buildTimeline(n));
  const pages = ladderPages(layout, 200);
  expect(pages.length).toBeGreaterThan(2);
  const drawn = pages.flatMap((rows) => [...ladderSvg(layout, { rows }).matchAll(/data-step="(\d+)"/g)].map((m) => Number(m[1])));
  expect(drawn).toEqual(layout.arrows.map((a) => a.step));
  for (let i = 1; i < pages.length; i += 1) expect(pages[i]!.top).toBe(pages[i - 1]!.bottom);
});

describe('every corpus log as an HTML report', () => {
  for (const c of corpusCases()) {
    test(c.name, () => {
      const source = reportSourceOf([c.log], c.configs);
      const html = htmlReport(source);
      expectSelfContained(html, source.texts.some((t) => t.pieces.some((p) => /https?:/i.test(p))));
      // KEY: the placeholder of a fix's command, not a key of the input
      for (const key of shownKeys(html)) expect(key).toMatch(/^(\*{5}(-\d+)?|KEY(&#39;)?)$/);
      const arrows = source.negotiations.reduce((sum, n) => sum + buildTimeline(n).messageSteps.length, 0);
      expect([...html.matchAll(/data-testid="ladder\.arrow\./g)].length).toBe(arrows);
    });
  }
});
