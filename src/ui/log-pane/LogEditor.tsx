import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers, highlightActiveLine, keymap, drawSelection } from '@codemirror/view';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { logDecorations, setLogMarks, type LogMarks } from './decorations.ts';

export interface LogEditorProps {
  text: string;
  label: string;
  marks: LogMarks;
  /** A line to bring into view (the selected message's first line), or null. */
  scrollTo: number | null;
}

const prefersDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * A read-only CodeMirror 6 view of one pasted log: line numbers, search (Ctrl-F), each recognised line
 * annotated, unrecognised debug lines marked, the selected message's lines highlighted.
 * CodeMirror owns this DOM subtree; React hands it the text and the marks.
 */
export default function LogEditor({ text, label, marks, scrollTo }: LogEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          drawSelection(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          search({ top: true }),
          keymap.of(searchKeymap),
          EditorView.lineWrapping,
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.darkTheme.of(prefersDark()),
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.theme({
            '&': { height: '100%', fontSize: '12px' },
            '.cm-scroller': { fontFamily: 'var(--font-mono)' },
          }),
          logDecorations(),
        ],
      }),
    });
    view.current = editor;
    return () => {
      view.current = null;
      editor.destroy();
    };
  }, [text, label]);

  // Runs after the editor is (re)created for a new text too, so the new editor gets the marks at once.
  useEffect(() => {
    view.current?.dispatch({ effects: setLogMarks.of(marks) });
  }, [marks, text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || scrollTo === null || scrollTo < 1 || scrollTo > editor.state.doc.lines) return;
    const line = editor.state.doc.line(scrollTo);
    editor.dispatch({ effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
  }, [scrollTo, text]);

  return <div ref={host} className="absolute inset-0" data-testid="log.editor" />;
}
