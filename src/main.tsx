import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App.tsx';
import { ErrorBoundary } from './ui/app/ErrorBoundary.tsx';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('ikescope: the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary what="ikescope" back={{ label: 'Reload the page', onClick: () => window.location.reload() }}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
