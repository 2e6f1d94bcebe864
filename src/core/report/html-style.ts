/**
 * The HTML report's one stylesheet, inline: the page's light look (slate text, teal accents), readable on
 * screen and printed on as many pages as the ladder, findings and lines need.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1e293b; background: #ffffff; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; color: #0f766e; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #e2e8f0; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
h5 { font-size: .875rem; margin: .75rem 0 .25rem; color: #334155; }
p, ul { margin: .25rem 0 .5rem; }
.meta { color: #475569; }
.facts li { margin: .1rem 0; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
pre { margin: .25rem 0 .75rem; padding: .5rem .75rem; background: #f8fafc; border: 1px solid #e2e8f0; border-radius: .375rem; white-space: pre-wrap; overflow-wrap: anywhere; }
pre .n { color: #475569; user-select: none; }
pre .ann { color: #0f766e; }
pre .def { color: #6d28d9; font-style: italic; }
pre mark { background: #fef08a; color: #1e293b; }
figure { margin: .5rem 0; }
figure svg { display: block; max-width: 100%; height: auto; border: 1px solid #e2e8f0; border-radius: .375rem; }
figcaption { color: #475569; font-size: .875rem; }
.finding { border-left: 4px solid #94a3b8; padding: .25rem .75rem; margin: .75rem 0; }
.finding.error { border-color: #b91c1c; }
.finding.warning { border-color: #b45309; }
.finding.info { border-color: #0f766e; }
.sev { font-weight: 700; }
.error .sev { color: #b91c1c; }
.warning .sev { color: #92400e; }
.info .sev { color: #0f766e; }
.message { border-top: 1px solid #e2e8f0; padding-top: .25rem; }
.failed { color: #b91c1c; font-weight: 600; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: page; }
  h2:first-of-type { break-before: auto; }
  h2, h3, h4, h5 { break-after: avoid-page; }
  figure, .finding, .message > ul { break-inside: avoid-page; }
  figure svg { border: none; }
  pre { break-inside: auto; border: none; padding: 0; background: none; }
}
`;
