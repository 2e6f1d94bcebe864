import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What failed, in the user's words: "The ladder", "The lab". */
  what: string;
  children: ReactNode;
  /** A way back other than trying again (e.g. reopening the built-in example); the default reloads the page. */
  back?: { label: string; onClick: () => void };
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * One part of the page that may fail on its own: an error while drawing it replaces that part with a message and a
 * way back, and the rest of the page stays as it was. (React catches render errors only in a class component.)
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for whoever reports the problem: the console has the component stack.
    console.warn(`${this.props.what} failed:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { what, back } = this.props;
    return (
      <div role="alert" className="m-2 flex flex-col items-start gap-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        <p>
          {what} could not be shown: {error.message}
        </p>
        <div className="flex gap-2">
          <button type="button" className="rounded border border-current px-2 py-0.5 text-xs" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          {back && (
            <button type="button" className="rounded border border-current px-2 py-0.5 text-xs" onClick={back.onClick}>
              {back.label}
            </button>
          )}
        </div>
      </div>
    );
  }
}
