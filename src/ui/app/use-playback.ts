import { useEffect, useRef } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { playbackMachine } from '../playback/playback-machine.ts';
import { usePlaybackKeys } from '../controls/use-playback-keys.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';
import { linkFor, writeDeepLink } from './deep-link.ts';

/**
 * The playback actor for the chosen negotiation's timeline. The first timeline starts at the step the URL
 * names for this workspace (a deep link), else at `openAt` (where a failed negotiation failed), else at the
 * first message; the cursor is written back to the URL as it moves.
 */
export function usePlayback(timeline: Timeline | null, workspace: string, negotiation: number, openAt: number | null) {
  const actor = useActorRef(playbackMachine, { input: {} });
  const cursor = useSelector(actor, (s) => s.context.cursor);
  const playing = useSelector(actor, (s) => s.matches('playing'));
  const speed = useSelector(actor, (s) => s.context.speed);
  const fromUrl = useRef<number | null>(linkFor(workspace).step);

  useEffect(() => {
    if (!timeline) return;
    const linked = fromUrl.current;
    fromUrl.current = null;
    const start = linked !== null && linked >= 0 ? linked : (openAt ?? timeline.messageSteps[0] ?? -1);
    actor.send({ type: 'LOAD', stepCount: timeline.steps.length, messageSteps: timeline.messageSteps, cursor: start });
    // openAt follows from the timeline, so it changes only with it.
  }, [actor, timeline, openAt]);

  useEffect(() => {
    if (!timeline) return;
    window.history.replaceState(null, '', writeDeepLink({ workspace, negotiation, step: cursor }));
  }, [timeline, workspace, negotiation, cursor]);

  usePlaybackKeys(actor.send);
  return { cursor, playing, speed, send: actor.send };
}
