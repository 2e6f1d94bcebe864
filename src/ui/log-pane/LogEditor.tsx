import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers, highlightActiveLine, keymap, drawSelection } from '@codemirror/view';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';

interface LogEditorProps {
  text: string;
  label: string;
}

/**
 * A read-only CodeMirror 6 view of one pasted log: line numbers, search (Ctrl-F), selection.
 * CodeMirror owns this DOM subtree; React only hands it the text.
 */
export default function LogEditor({ text, label }: LogEditorProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return undefined;
    const view = new EditorView({
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
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.theme({
            '&': { height: '100%', fontSize: '12px' },
            '.cm-scroller': { fontFamily: 'var(--font-mono)' },
          }),
        ],
      }),
    });
    return () => view.destroy();
  }, [text, label]);

  return <div ref={host} className="absolute inset-0" data-testid="log.editor" />;
}
