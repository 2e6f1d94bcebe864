import { useState } from 'react';
import type { Message, Negotiation } from '../../core/analysis.ts';
import { messageCopyText, type SourceText } from './message-copy.ts';

interface MessageActionsProps {
  negotiation: Negotiation;
  message: Message;
  /** The input files as the analysis numbers them, to copy the message's lines from. */
  sources: readonly SourceText[];
  /** A link that opens this workspace at this message. */
  link: string;
}

const button =
  'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-focus dark:border-slate-700 dark:hover:bg-slate-800';

/** Copy the message's raw lines (keys masked unless asked for) or a link to it: nothing leaves the browser but the clipboard. */
export function MessageActions({ negotiation, message, sources, link }: MessageActionsProps) {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [said, setSaid] = useState<{ message: Message; text: string } | null>(null);
  const copy = async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid({ message, text: done });
    } catch {
      setSaid({ message, text: 'The browser did not let the page write to the clipboard.' });
    }
  };
  const copyLines = () => {
    const text = messageCopyText(negotiation, message, sources, includeKeys);
    const count = text.split('\n').filter((l) => l.length > 0 && !l.startsWith('--- ')).length - 1;
    void copy(text, `Copied ${count} lines${includeKeys ? ', keys included' : ', keys masked'}.`);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={button} onClick={copyLines}>
        Copy lines
      </button>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={includeKeys} onChange={(e) => setIncludeKeys(e.target.checked)} />
        with keys
      </label>
      <button type="button" className={button} onClick={() => void copy(link, 'Copied a link to this message.')}>
        Copy link
      </button>
      <p role="status" className="text-slate-700 dark:text-slate-300">
        {said?.message === message ? said.text : ''}
      </p>
    </div>
  );
}
