import { RangeSetBuilder, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import { lintConfig } from '../../core/config/lint.ts';

/** The lint's words at the end of the line it is about: read as text, not only on hover. */
class LintNote extends WidgetType {
  constructor(
    readonly message: string,
    readonly aside: boolean,
  ) {
    super();
  }
  override eq(other: LintNote) {
    return other.message === this.message && other.aside === this.aside;
  }
  toDOM() {
    const note = document.createElement('span');
    note.className = this.aside ? 'cm-config-lint-note cm-config-lint-note-aside' : 'cm-config-lint-note';
    note.textContent = this.message;
    return note;
  }
}

function lintDecorations(state: EditorState): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const lint of lintConfig(state.doc.toString())) {
    if (lint.line > state.doc.lines) continue;
    const line = state.doc.line(lint.line);
    // a line read another way, or set aside on purpose, needs no change: it is not underlined as a problem
    const aside = lint.kind === 'note';
    builder.add(line.from, line.from, Decoration.line({ class: aside ? 'cm-config-lint-aside' : 'cm-config-lint', attributes: { title: lint.message } }));
    builder.add(line.to, line.to, Decoration.widget({ widget: new LintNote(lint.message, aside), side: 1 }));
  }
  return builder.finish();
}

/** Marks each config line the model cannot read, with the values it accepts, as the user types. */
export const configLint = [
  EditorView.decorations.compute(['doc'], lintDecorations),
  EditorView.baseTheme({
    '.cm-config-lint': { textDecoration: 'underline wavy #b91c1c', textUnderlineOffset: '3px' },
    '.cm-config-lint-note': { marginLeft: '1.5em', fontStyle: 'italic', fontFamily: 'system-ui, sans-serif', textDecoration: 'none' },
    '&light .cm-config-lint-note': { color: '#991b1b' },
    '&dark .cm-config-lint-note': { color: '#fca5a5' },
    '.cm-config-lint-aside': { textDecoration: 'underline dotted #64748b', textUnderlineOffset: '3px' },
    '&light .cm-config-lint-note-aside': { color: '#475569' },
    '&dark .cm-config-lint-note-aside': { color: '#cbd5e1' },
  }),
];
