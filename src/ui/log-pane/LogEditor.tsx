import { useEffect, useRef } from 'react';
import { EditorState, Text } from '@codemirror/state';
import { EditorView, lineNumbers, highlightActiveLine, keymap, drawSelection } from '@codemirror/view';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { drawnLineChars, logDecorations, longLinesAdded, setLogMarks, type LogMarks } from './decorations.ts';
import { LongLines, type LineSpan } from './long-lines.ts';
import { slicer } from './slicer.ts';
import { editorParent } from '../dom/editor-root.ts';

export interface LogEditorProps {
  text: string;
  /** The same text in the pieces it was read in, when it came from a file. */
  pieces?: readonly string[] | undefined;
  label: string;
  marks: LogMarks;
  /** A line to bring into view (the selected message's first line), or null. */
  scrollTo: number | null;
  /** The reader put the cursor on a line: a click, or landing on a search (Ctrl-F) hit. */
  onSelectLine?: ((line: number) => void) | undefined;
}

/** How much of a large log the view takes in one change while it is filled. */
const viewChangeChars = 8 << 20;

const prefersDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * A read-only CodeMirror 6 view of one pasted log: line numbers, search (Ctrl-F), each recognised line
 * annotated, unrecognised debug lines marked, the selected message's lines highlighted.
 * CodeMirror owns this DOM subtree; React hands it the text and the marks.
 */
/** Brings a line into view, if the editor holds it yet (a large log is still being added slice by slice). */
function scrollToLine(editor: EditorView, lineNumber: number) {
  if (lineNumber < 1 || lineNumber > editor.state.doc.lines) return;
  const line = editor.state.doc.line(lineNumber);
  editor.dispatch({ effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
}

export default function LogEditor({ text, pieces, label, marks, scrollTo, onSelectLine }: LogEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const pendingScroll = useRef<number | null>(null);
  const selectLine = useRef(onSelectLine);
  useEffect(() => {
    selectLine.current = onSelectLine;
  }, [onSelectLine]);

  useEffect(() => {
    if (!host.current) return undefined;
    const slices = slicer(pieces ?? [text]);
    const first = Text.of(slices.next().split(/\r\n?|\n/));
    const longLines = new LongLines(drawnLineChars);
    longLines.add(first);
    const editor = new EditorView({
      parent: editorParent(host.current),
      state: EditorState.create({
        doc: first,
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
            // The page's focus ring, inside the editor's box (its pane clips anything outside).
            '&.cm-focused': { outline: '2px solid var(--color-focus)', outlineOffset: '-2px' },
            // Sticky with no offset sits where relative would; CodeMirror stops scrolling ancestors at a sticky
            // element, so bringing a line into view moves the editor only, never the page (on a phone, where the
            // regions stack, the page would jump to the log on every step).
            '.cm-scroller': { fontFamily: 'var(--font-mono)', position: 'sticky' },
          }),
          logDecorations(),
          EditorView.updateListener.of((update) => {
            // Only the reader's own moves (pointer, search): not the page scrolling the editor to a message.
            if (!update.selectionSet || !update.transactions.some((t) => t.isUserEvent('select'))) return;
            selectLine.current?.(update.state.doc.lineAt(update.state.selection.main.head).number);
          }),
        ],
      }),
    });
    view.current = editor;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Each slice is made a document fragment between frames; the view takes them a few megabytes at a time
    // (every change the view takes costs it an update and a measure, whatever its size).
    // Each slice's long lines are found as it is made, so the view's change need not look through them again.
    let waiting = Text.empty;
    let waitingLong: LineSpan[] = [];
    const appendSlice = () => {
      const slice = editor.state.toText(slices.next());
      for (const line of longLines.add(slice)) {
        // a line that goes on in the next slice is found again, longer: keep its latest span
        if (waitingLong.at(-1)?.from === line.from) waitingLong.pop();
        waitingLong.push(line);
      }
      waiting = waiting.append(slice);
      if (slices.done() || waiting.length >= viewChangeChars) {
        editor.dispatch({ changes: { from: editor.state.doc.length, insert: waiting }, effects: longLinesAdded.of(waitingLong) });
        waiting = Text.empty;
        waitingLong = [];
      }
      if (!slices.done()) timer = setTimeout(appendSlice, 0);
      else if (pendingScroll.current !== null) scrollToLine(editor, pendingScroll.current);
    };
    if (!slices.done()) timer = setTimeout(appendSlice, 0);
    return () => {
      clearTimeout(timer);
      view.current = null;
      editor.destroy();
    };
  }, [text, pieces, label]);

  // Runs after the editor is (re)created for a new text too, so the new editor gets the marks at once.
  useEffect(() => {
    view.current?.dispatch({ effects: setLogMarks.of(marks) });
  }, [marks, text]);

  useEffect(() => {
    pendingScroll.current = scrollTo;
    if (view.current && scrollTo !== null) scrollToLine(view.current, scrollTo);
  }, [scrollTo, text]);

  return <div ref={host} className="absolute inset-0" data-testid="log.editor" />;
}
