/** What both simulate reports share, IKEv1's and IKEv2's: the JSON's schema name and the text report's frame. */
export const SIMULATION_SCHEMA = 'ikescope.simulation/1';

interface Named {
  name: string;
  address: string;
}

/** The text report: a title, the two routers and the outcome, each step in words, then each router's debug output. */
export function simulationText(
  title: string | null,
  routers: { initiator: Named; responder: Named; how: string },
  outcome: string,
  steps: readonly string[],
  debug: { initiator: string; responder: string },
): string {
  const { initiator, responder, how } = routers;
  const lines = [
    `Simulation${title ? `: ${title}` : ''}`,
    `  initiator ${initiator.name} ${initiator.address}, responder ${responder.name} ${responder.address}, ${how}`,
    `  ${outcome}`,
    '',
    ...steps,
    '',
    `--- ${initiator.name} (initiator) debug output ---`,
    debug.initiator.trimEnd(),
    '',
    `--- ${responder.name} (responder) debug output ---`,
    debug.responder.trimEnd(),
  ];
  return `${lines.join('\n')}\n`;
}
