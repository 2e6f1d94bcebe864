import { useState, type DragEvent } from 'react';
import type { Workspace } from './workspace.ts';
import { workspaceFromFiles } from '../load/read-files.ts';

/** Files dropped anywhere on the page are loaded together (two routers' logs merge, configs attach). */
export function useFileDrop(onLoad: (workspace: Workspace) => void) {
  const [dragging, setDragging] = useState(false);
  const handlers = {
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: async (event: DragEvent) => {
      const files = [...event.dataTransfer.files];
      if (files.length === 0) return;
      event.preventDefault();
      setDragging(false);
      onLoad(await workspaceFromFiles(files));
    },
  };
  return { dragging, handlers };
}
