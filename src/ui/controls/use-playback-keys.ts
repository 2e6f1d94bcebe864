import { useEffect } from 'react';
import type { PlaybackEvent } from '../playback/playback-machine.ts';
import { lookupTable } from '../../core/ike/lookup-table.ts';
import { keyOwnedByFocus } from '../dom/key-owner.ts';

const keyEvents = lookupTable<PlaybackEvent>({
  ArrowRight: { type: 'NEXT' },
  ArrowLeft: { type: 'PREV' },
  ArrowDown: { type: 'NEXT_MESSAGE' },
  ArrowUp: { type: 'PREV_MESSAGE' },
  Home: { type: 'START' },
  End: { type: 'END' },
  ' ': { type: 'TOGGLE' },
});


/** Arrows step, Up/Down jump by message, space plays or pauses, Home and End jump: anywhere on the page. */
export function usePlaybackKeys(send: (event: PlaybackEvent) => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || keyOwnedByFocus(event)) return;
      const playbackEvent = keyEvents[event.key];
      if (!playbackEvent) return;
      // Space on a focused button activates it; leave that to the button.
      if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
      event.preventDefault();
      send(playbackEvent);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [send]);
}
