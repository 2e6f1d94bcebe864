/**
 * `show crypto ikev2 sa` and `show crypto ikev2 session` output while the log is read: one entry per IKE SA row
 * (`1  66.66.66.1/500  66.66.66.2/500  none/none  READY`), with the lines under it (algorithms, lifetime, SPIs,
 * which end initiated, identities) and its child SAs (selectors, ESP SPIs). The entries become negotiations,
 * or tie to the debug-made one they list, in `show-alone.ts`.
 */
import type { LineRef } from '../../ike/line-ref.ts';
import type { IkeEvent } from '../../log/events.ts';
import type { Ikev2ShowLine } from '../../log/show-ikev2-line.ts';

export type ShowIkev2Event = Extract<IkeEvent, { type: 'show-ikev2' }>;
type Crypto = Extract<Ikev2ShowLine, { kind: 'crypto' }>;

export interface ShownChild {
  local: string[];
  remote: string[];
  esp: { inbound: string; outbound: string } | null;
  transform: string[];
  /** show crypto session counts the SAs of its flow active (`Active SAs: 2`): the child SA is up, its SPIs unsaid. */
  active: boolean;
  lines: LineRef[];
}

export interface ShownEntry {
  file: number;
  /** The router's name from its prompt, if one was printed. */
  name: string | null;
  /** null for show crypto session's `IKEv2 SA:` line, which prints none */
  tunnelId: number | null;
  local: string | null;
  remote: string | null;
  /** the ports of both ends where the line prints them (two clients behind one NAT differ only by the peer's port) */
  ports: { local: number; remote: number } | null;
  status: string;
  description: string | null;
  session: { id: number; status: string } | null;
  crypto: Crypto | null;
  life: { lifetimeSeconds: number; activeSeconds: number } | null;
  spis: { local: string; remote: string } | null;
  initiator: boolean | null;
  ids: { local: string | null; remote: string | null };
  nat: boolean | null;
  /** The line that says NAT-T is in use (`NAT-T is detected …`, a `Capabilities:` line with N), for the diagnosis. */
  natEvent: ShowIkev2Event | null;
  /** The lines that print the algorithms agreed (the IKE SA's `Encr:` line and a broken line's rest, a child SA's), for the diagnosis. */
  algorithms: ShowIkev2Event[];
  children: ShownChild[];
  lines: LineRef[];
  records: number[];
}

export class Ikev2ShowCollector {
  readonly entries: ShownEntry[] = [];
  private current: ShownEntry | null = null;
  /** A session line names the IKE SA row that follows it. */
  private session: { id: number; status: string; line: LineRef; record: number } | null = null;
  /** show crypto session's `IKEv2 SA: local 2001:101:0:1::1/500`, its peer's end on the next line. */
  private wrapped: { entry: ShownEntry; localPort: number } | null = null;
  /** The entry of the last `IKEv2 SA:` line of show crypto session: its `Capabilities:` line follows it. */
  private sessionSa: ShownEntry | null = null;
  /** The same entry for the session's flows below it, each with its count of active SAs. */
  private flowOwner: ShownEntry | null = null;
  /** The last flow line's ends, for the count of active SAs under it. */
  private flow: { local: string; remote: string; line: LineRef } | null = null;

  /** A prompt or a new file: what follows is output of another command. */
  newCommand(): void {
    this.current = null;
    this.session = null;
    this.wrapped = null;
    this.sessionSa = null;
    this.flowOwner = null;
    this.flow = null;
  }

  event(e: ShowIkev2Event, name: string | null): void {
    const l = e.line;
    if (l.kind === 'session') {
      this.session = { id: l.sessionId, status: l.status, line: e.at, record: e.record };
      this.current = null;
      this.flowOwner = null;
      return;
    }
    if (l.kind === 'row') {
      this.flowOwner = null;
      const ports = l.localPort === null || l.remotePort === null ? null : { local: l.localPort, remote: l.remotePort };
      this.current = this.open(e, { tunnelId: l.tunnelId, local: l.local, remote: l.remote, ports, status: l.status, initiator: l.initiator }, name);
      return;
    }
    if (l.kind === 'session-sa') {
      // the lines under it (capabilities, flows) are show crypto session's own; a wrapped line's rest completes it
      const ports = l.remotePort === null ? null : { local: l.localPort, remote: l.remotePort };
      const entry = this.open(e, { tunnelId: null, local: l.local, remote: l.remote, ports, status: l.status ?? '', initiator: null }, name);
      this.current = null;
      this.wrapped = l.remote === null ? { entry, localPort: l.localPort } : null;
      this.sessionSa = entry;
      this.flowOwner = entry;
      return;
    }
    if (l.kind === 'session-flow-sas') {
      this.flowSas(e, l.active);
      return;
    }
    if (l.kind === 'session-flow') {
      const owner = this.flowOwner;
      if (owner !== null && owner.file === e.at.file) {
        this.flow = { local: l.local, remote: l.remote, line: e.at };
        owner.lines.push(e.at);
        owner.records.push(e.record);
      }
      return;
    }
    if (l.kind === 'capabilities') {
      // the line right under an `IKEv2 SA:` line (or its wrapped rest): N is NAT traversal in use
      const sa = this.sessionSa;
      const last = sa?.lines[sa.lines.length - 1];
      if (sa !== null && last !== undefined && last.file === e.at.file && last.line + 1 === e.at.line) {
        sa.nat = l.letters.includes('N');
        if (sa.nat) sa.natEvent = e;
        sa.lines.push(e.at);
        sa.records.push(e.record);
      }
      this.sessionSa = null;
      this.wrapped = null;
      return;
    }
    const wrapped = this.wrapped;
    this.wrapped = null;
    if (l.kind === 'session-sa-remote') {
      if (wrapped !== null) {
        const w = wrapped.entry;
        w.remote = l.remote;
        w.ports = { local: wrapped.localPort, remote: l.remotePort };
        w.status = l.status;
        w.lines.push(e.at);
        w.records.push(e.record);
      }
      return;
    }
    const cur = this.current;
    if (cur === null) return;
    cur.lines.push(e.at);
    cur.records.push(e.record);
    const child = cur.children[cur.children.length - 1];
    switch (l.kind) {
      case 'address':
        if (l.which === 'local') cur.local ??= l.address;
        else cur.remote ??= l.address;
        return;
      case 'crypto':
        cur.crypto = l;
        cur.algorithms.push(e);
        return;
      case 'crypto-rest':
        if (cur.crypto !== null) {
          cur.algorithms.push(e);
          const c = cur.crypto;
          cur.crypto = { ...c, prf: l.prf ?? c.prf, hash: l.hash ?? c.hash, group: l.group ?? c.group, authSign: l.authSign ?? c.authSign, authVerify: l.authVerify ?? c.authVerify };
        }
        return;
      case 'life':
        cur.life = { lifetimeSeconds: l.lifetimeSeconds, activeSeconds: l.activeSeconds };
        return;
      case 'spis':
        cur.spis = { local: l.local, remote: l.remote };
        return;
      case 'description':
        cur.description = l.text;
        return;
      case 'initiator':
        cur.initiator = l.initiator;
        return;
      case 'id':
        cur.ids[l.which] = l.id;
        return;
      case 'nat':
        cur.nat = l.detected;
        cur.natEvent = l.detected ? e : null;
        return;
      case 'child-selector': {
        const c = l.opens || child === undefined ? newChild(cur) : child;
        c.lines.push(e.at);
        if (l.which !== null && l.range !== null) c[l.which].push(l.range);
        return;
      }
      case 'child-spis':
        if (child !== undefined && l.protocol === 'ESP') {
          child.lines.push(e.at);
          child.esp = { inbound: l.inbound, outbound: l.outbound };
        }
        return;
      case 'child-crypto':
        if (child !== undefined) {
          child.lines.push(e.at);
          cur.algorithms.push(e);
          for (const part of [l.encryption, l.keySize === null ? null : String(l.keySize), l.integrity, l.mode]) if (part !== null) child.transform.push(part);
        }
        return;
    }
  }

  /** A flow's count of active SAs (`Active SAs: 2`): with SAs active, a child SA of the session's IKE SA is up. */
  private flowSas(e: ShowIkev2Event, active: number): void {
    const owner = this.flowOwner;
    if (owner === null || owner.file !== e.at.file) return;
    owner.lines.push(e.at);
    owner.records.push(e.record);
    const flow = this.flow;
    this.flow = null;
    if (active === 0) return;
    const child = newChild(owner, true);
    if (flow !== null) {
      child.local.push(flow.local);
      child.remote.push(flow.remote);
      child.lines.push(flow.line);
    }
    child.lines.push(e.at);
  }

  private open(e: ShowIkev2Event, l: Pick<ShownEntry, 'tunnelId' | 'local' | 'remote' | 'ports' | 'status' | 'initiator'>, name: string | null): ShownEntry {
    const s = this.session;
    const entry: ShownEntry = {
      file: e.at.file,
      name,
      tunnelId: l.tunnelId,
      local: l.local,
      remote: l.remote,
      ports: l.ports,
      status: l.status,
      description: null,
      session: s === null ? null : { id: s.id, status: s.status },
      crypto: null,
      life: null,
      spis: null,
      initiator: l.initiator,
      ids: { local: null, remote: null },
      nat: null,
      natEvent: null,
      algorithms: [],
      children: [],
      lines: s === null ? [e.at] : [s.line, e.at],
      records: s === null ? [e.record] : [s.record, e.record],
    };
    this.session = null;
    this.entries.push(entry);
    return entry;
  }
}

function newChild(entry: ShownEntry, active = false): ShownChild {
  const c: ShownChild = { local: [], remote: [], esp: null, transform: [], active, lines: [] };
  entry.children.push(c);
  return c;
}
