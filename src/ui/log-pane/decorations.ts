import { RangeSetBuilder, StateEffect, StateField, type Extension, type Range, type Text } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { noLineInfo, type LineInfo } from './line-info.ts';
import { lookupTable } from '../../core/ike/lookup-table.ts';
import type { LineSpan } from './long-lines.ts';

/** The per-line facts and the selected lines the editor decorates; replaced as a whole when they change. */
export interface LogMarks {
  info: LineInfo;
  selected: ReadonlySet<number>;
  /** Lines where the log leaves the state machine model, with why. */
  disallowed?: ReadonlyMap<number, string>;
}

export const setLogMarks = StateEffect.define<LogMarks>();

export const logMarksField = StateField.define<LogMarks>({
  create: () => ({ info: noLineInfo, selected: new Set() }),
  update: (value, transaction) => {
    for (const effect of transaction.effects) if (effect.is(setLogMarks)) return effect.value;
    return value;
  },
});

class AnnotationWidget extends WidgetType {
  constructor(readonly text: string) {
    super();
  }
  override eq(other: AnnotationWidget) {
    return other.text === this.text;
  }
  toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-ike-annotation';
    // textContent, never markup: annotations quote log text.
    span.textContent = this.text;
    return span;
  }
}

/**
 * How much of one line the editor draws. Browsers take hundreds of milliseconds to lay out a line of megabytes;
 * the rest of such a line stays in the document (search, copy and the analysis see all of it) and a note says
 * how much is not drawn.
 */
export const drawnLineChars = 2_000;

class UndrawnTailWidget extends WidgetType {
  constructor(readonly chars: number) {
    super();
  }
  override eq(other: UndrawnTailWidget) {
    return other.chars === this.chars;
  }
  toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-ike-undrawn';
    span.textContent = `… ${this.chars.toLocaleString('en-US')} more characters on this line, not drawn (the analysis reads them all)`;
    return span;
  }
}

/**
 * The long lines of the text a change adds (`LongLines`), found as it was made: the change's lines need not be
 * looked through again.
 */
export const longLinesAdded = StateEffect.define<readonly LineSpan[]>();

/** The undrawn tails of the long lines from `from` (a line's start) to `to` (a line's end). */
function undrawnTails(doc: Text, from: number, to: number): Range<Decoration>[] {
  const tails: Range<Decoration>[] = [];
  let lineStart = from;
  let position = from;
  const endLine = () => {
    if (position - lineStart > drawnLineChars) {
      tails.push(Decoration.replace({ widget: new UndrawnTailWidget(position - lineStart - drawnLineChars) }).range(lineStart + drawnLineChars, position));
    }
  };
  for (const pieces = doc.iterRange(from, to); !pieces.next().done; ) {
    if (!pieces.lineBreak) {
      position += pieces.value.length;
      continue;
    }
    endLine();
    position += 1;
    lineStart = position;
  }
  endLine();
  return tails;
}

/**
 * Every long line's tail, kept for the whole document (not just the lines in view) so the editor's height
 * estimate of a line it has not drawn yet is that of its drawn part. The log only grows by appended slices,
 * whose long lines the editor finds as it makes each slice (`longLinesAdded`); any other change rescans the lines
 * it touched. Either way the work is linear in the text.
 */
const undrawnTailsField = StateField.define<DecorationSet>({
  create: (state) => Decoration.set(undrawnTails(state.doc, 0, state.doc.length)),
  update: (tails, transaction) => {
    if (!transaction.docChanged) return tails;
    let next = tails.map(transaction.changes);
    const replace = (from: number, to: number, add: Range<Decoration>[]) => {
      next = next.update({ filter: (start, end) => end < from || start > to, filterFrom: from, filterTo: to, add });
    };
    const doc = transaction.newDoc;
    const known = transaction.effects.find((e): e is StateEffect<readonly LineSpan[]> => e.is(longLinesAdded));
    if (known) {
      for (const line of known.value) replace(line.from, line.to, undrawnTails(doc, line.from, line.to));
      return next;
    }
    transaction.changes.iterChangedRanges((_fromA, _toA, fromB, toB) => {
      const from = doc.lineAt(fromB).from;
      const to = doc.lineAt(toB).to;
      replace(from, to, undrawnTails(doc, from, to));
    });
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const kindClass = lookupTable<string>({
  unrecognized: 'cm-ike-unrecognized',
  truncated: 'cm-ike-truncated',
  prose: 'cm-ike-prose',
  prompt: 'cm-ike-prompt',
  show: 'cm-ike-show',
});

/** Decorates only the lines in view, so a log of millions of lines costs nothing off screen. */
function buildDecorations(view: EditorView): DecorationSet {
  const { info, selected, disallowed } = view.state.field(logMarksField);
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    let position = from;
    while (position <= to) {
      const line = view.state.doc.lineAt(position);
      const classes: string[] = [];
      const kind = info.kindOf(line.number);
      if (kind && kindClass[kind]) classes.push(kindClass[kind]);
      if (selected.has(line.number)) classes.push('cm-ike-selected');
      const notAllowed = disallowed?.get(line.number);
      if (notAllowed) classes.push('cm-ike-disallowed');
      if (classes.length > 0) {
        const attributes: { class: string; title?: string } = { class: classes.join(' ') };
        if (kind === 'unrecognized') attributes.title = 'IKE/IPsec debug output that ikescope did not understand';
        if (kind === 'truncated') attributes.title = 'A debug line the paste cuts off: kept, but too little of it is left to read';
        if (notAllowed) attributes.title = notAllowed;
        builder.add(line.from, line.from, Decoration.line({ attributes }));
      }
      const annotation = info.annotationOf(line.number);
      if (annotation) builder.add(line.to, line.to, Decoration.widget({ widget: new AnnotationWidget(annotation), side: 1 }));
      position = line.to + 1;
    }
  }
  return builder.finish();
}

const decorationsPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = buildDecorations(view);
    }
    update(update: ViewUpdate) {
      const marksChanged = update.transactions.some((t) => t.effects.some((e) => e.is(setLogMarks)));
      if (update.docChanged || update.viewportChanged || marksChanged) this.decorations = buildDecorations(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const theme = EditorView.baseTheme({
  '.cm-ike-annotation': {
    marginLeft: '1.5em',
    fontFamily: 'ui-sans-serif, system-ui, sans-serif',
    fontSize: '11px',
    color: '#0f5e57',
  },
  '&dark .cm-ike-annotation': { color: '#5eead4' },
  '.cm-ike-undrawn': { fontFamily: 'ui-sans-serif, system-ui, sans-serif', fontSize: '11px', fontStyle: 'italic' },
  '.cm-ike-unrecognized': { boxShadow: 'inset 3px 0 0 #b91c1c', backgroundColor: 'rgba(185, 28, 28, 0.06)' },
  '.cm-ike-truncated': { boxShadow: 'inset 3px 0 0 #94a3b8' },
  '.cm-ike-prose': { color: '#475569' },
  '&dark .cm-ike-prose': { color: '#94a3b8' },
  '.cm-ike-prompt': { color: '#6d28d9' },
  '&dark .cm-ike-prompt': { color: '#c4b5fd' },
  '.cm-ike-selected': { backgroundColor: 'rgba(250, 204, 21, 0.28)' },
  '.cm-ike-disallowed': { boxShadow: 'inset 3px 0 0 #b45309', textDecoration: 'underline wavy #b45309' },
});

export function logDecorations(): Extension {
  return [logMarksField, undrawnTailsField, decorationsPlugin, theme];
}
