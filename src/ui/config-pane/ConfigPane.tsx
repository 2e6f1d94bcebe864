import type { InputFile } from '../app/workspace.ts';

interface ConfigPaneProps {
  file: InputFile;
}

/** One router's crypto configuration, line by line, numbered as the user pasted it. */
export function ConfigPane({ file }: ConfigPaneProps) {
  const lines = file.text.split(/\r\n|\r|\n/);
  const title = file.router ? `${file.router} configuration` : file.name;
  return (
    <figure className="m-0 min-w-0 flex-1" aria-label={title}>
      <figcaption className="px-3 pt-2 text-xs font-semibold text-slate-700 dark:text-slate-300">
        {title}
      </figcaption>
      <ol className="p-2 font-mono text-xs leading-5" data-testid={`config.${file.router ?? file.name}`}>
        {lines.map((line, index) => (
          <li key={index} className="flex gap-3 rounded px-1">
            <span
              className="w-6 shrink-0 text-right text-slate-500 select-none dark:text-slate-400"
              aria-hidden="true"
            >
              {index + 1}
            </span>
            <span className="whitespace-pre">{line || ' '}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
