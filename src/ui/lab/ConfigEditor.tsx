import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { configLint } from './config-lint.ts';
import { editorParent } from '../dom/editor-root.ts';

export interface ConfigEditorProps {
  text: string;
  label: string;
  onChange: (text: string) => void;
  testId: string;
}

const prefersDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * One router's config, editable (with undo): a CodeMirror 6 view that reports each edit. A new text from outside (a
 * preset chosen) replaces the document; the editor's own edits come back as the same text and change nothing.
 */
export default function ConfigEditor({ text, label, onChange, testId }: ConfigEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);

  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = new EditorView({
      parent: editorParent(host.current),
      state: EditorState.create({
        // Read once: later texts arrive through the effect below.
        doc: '',
        extensions: [
          lineNumbers(),
          history(),
          // The standard editing keys and undo/redo; Tab is left to move focus, as a keyboard user expects.
          keymap.of([...defaultKeymap, ...historyKeymap]),
          drawSelection(),
          highlightActiveLine(),
          EditorView.darkTheme.of(prefersDark()),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', spellcheck: 'false', tabindex: '0' }),
          EditorView.theme({
            '&': { height: '100%', fontSize: '12px' },
            // The page's focus ring, inside the editor's box (its pane clips anything outside).
            '&.cm-focused': { outline: '2px solid var(--color-focus)', outlineOffset: '-2px' },
            '.cm-scroller': { fontFamily: 'var(--font-mono)' },
          }),
          configLint,
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      view.current = null;
      editor.destroy();
    };
  }, [label]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === text) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  }, [text, label]);

  return <div ref={host} className="h-full rounded border border-slate-300 dark:border-slate-700" data-testid={testId} />;
}
