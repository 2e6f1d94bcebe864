import { useEffect, useState, type ComponentProps } from 'react';

type PrintViewModule = typeof import('./PrintView.tsx');

/** Loaded once, after the page is up: the print view and the report pieces it uses are not first-load code. */
let loaded: PrintViewModule | null = null;
let loading: Promise<PrintViewModule> | null = null;

function load(): Promise<PrintViewModule> {
  loading ??= import('./PrintView.tsx').then((m) => (loaded = m));
  return loading;
}

/**
 * The print view, fetched right after the page first draws (so it is there by the time anyone prints) instead
 * of in the page's first JavaScript.
 */
export function LazyPrintView(props: ComponentProps<PrintViewModule['PrintView']>) {
  const [module, setModule] = useState<PrintViewModule | null>(loaded);
  useEffect(() => {
    if (module === null) void load().then(setModule);
  }, [module]);
  return module === null ? null : <module.PrintView {...props} />;
}
