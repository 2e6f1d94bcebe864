/**
 * Which phase an `atts [are] [not] acceptable. Next payload is N` line answers. isakmp.ts reads it as phase 1's (IOS
 * prints the next payload there), but IOS 12.2 prints it after a Quick Mode proposal's check too: the check line
 * before it, of the same conn-id (`Checking ISAKMP transform` for phase 1, `Checking IPSec proposal` for phase 2),
 * says which. These lines are therefore read each time, never taken from the recurring lines' cache (recurring-lines.ts).
 */
import type { IkeEventBody } from './events.ts';

export class CheckPhases {
  /** Per conn-id (-1 when the line names none), the phase of its last proposal check. */
  private readonly phase = new Map<number, 1 | 2>();

  /** Remembers which phase a proposal check line starts for its conn-id. */
  note(body: IkeEventBody, conn: number | null): void {
    if (body.type === 'p1-check') this.phase.set(conn ?? -1, 1);
    else if (body.type === 'p2-proposal') this.phase.set(conn ?? -1, 2);
  }

  /** The line's event as its phase has it: a phase 1 `atts` line after a Quick Mode check is phase 2's. */
  phaseOf(body: IkeEventBody, conn: number | null): IkeEventBody {
    this.note(body, conn);
    if (body.type === 'p1-atts' && this.phase.get(conn ?? -1) === 2) return { type: 'p2-atts', acceptable: body.acceptable };
    return body;
  }
}
