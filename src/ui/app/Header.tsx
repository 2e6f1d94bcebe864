import type { ReactNode } from 'react';

/** The page's banner: the product name, what it is for, and the load controls. */
export function Header({ children }: { children?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-bold tracking-tight text-teal-700 dark:text-teal-400">ikescope</h1>
        <p className="hidden text-sm text-slate-600 sm:block lg:hidden 2xl:block dark:text-slate-400">
          Cisco IOS IKEv1 and IKEv2 negotiations, message by message
        </p>
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-2">{children}</div>
    </header>
  );
}
