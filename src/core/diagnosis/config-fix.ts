/**
 * Config-side help for fixes: router names, the compatibility check's own finding when both routers' configs
 * are loaded (its wording and lines are reused, not re-derived), and the lines of one router's config that a
 * finding points at.
 */
import type { Side } from '../ike/sides.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { FindingCode } from '../analysis.ts';
import type { AttachedConfig } from '../attach-config.ts';
import { checkable, checkCompatibility, type CheckFinding } from '../config/compatibility.ts';
import type { EffectiveConfig, IsakmpPolicy, Setting } from '../config/model.ts';
import { keyFor } from '../config/peer-view.ts';
import { phase2Sources, sourcePeer, transformSetsOf } from '../config/phase2-sources.ts';
import type { DiagnosisContext } from './context.ts';
import { perContext } from './memo.ts';

/** The config's hostname, the name the negotiation gives (a prompt's, or the address), or "the responder". */
export function routerName(ctx: DiagnosisContext, side: Side | null): string {
  if (side === null) return 'this router';
  const hostname = ctx.configs[side]?.config.router;
  if (hostname) return hostname;
  const router = ctx.negotiation?.routers[side];
  if (router && router.name.length > 0) return router.name;
  return `the ${side}`;
}

/** The address a side's router talks to. */
export function addressOf(ctx: DiagnosisContext, side: Side): string | null {
  return ctx.negotiation?.routers[side].address ?? null;
}

/** What the compatibility check says about the two loaded configs, for one code (errors first). */
export function checkedFinding(ctx: DiagnosisContext, code: FindingCode): CheckFinding | null {
  const findings = checked(ctx);
  return findings.find((f) => f.code === code && f.severity === 'error') ?? findings.find((f) => f.code === code) ?? null;
}

const checked = perContext((ctx: DiagnosisContext): readonly CheckFinding[] => {
  const { initiator, responder } = ctx.configs;
  if (!initiator || !responder || !checkable(initiator.config, responder.config)) return [];
  return checkCompatibility(initiator.config, responder.config, { files: [initiator.file, responder.file] }).findings;
});

export function ref(attached: AttachedConfig, line: number | null | undefined): LineRef[] {
  return line === null || line === undefined ? [] : [{ file: attached.file, line }];
}

/** Adds line `line` of `attached` to `lines`, when there is one. */
export function addRef(lines: LineRef[], attached: AttachedConfig, line: number | null | undefined): void {
  if (line !== null && line !== undefined) lines.push({ file: attached.file, line });
}

/** The line of a setting, or of the section header it would go under when it is an IOS default. */
export function settingLine(setting: Setting<unknown>, header: number | null): number | null {
  return setting.isDefault ? header : setting.line;
}

/**
 * The pre-shared key line a router uses for a peer (most specific match), or null. `local`: the router's own
 * address in the negotiation, so that a keyring bound to another `local-address` is not taken.
 */
export function keyLine(cfg: EffectiveConfig, peer: string | null, local: string | null): number | null {
  return keyFor(cfg, peer, { local })?.line ?? null;
}

/** Where a router's phase 2 proposal for a peer is configured: transform sets, PFS, ACL, peer lines. */
export function phase2Lines(cfg: EffectiveConfig, peer: string | null): {
  transformSets: number[];
  pfs: number[];
  acl: number[];
  peer: number[];
  pfsGroup: number | null;
} {
  const out = { transformSets: [] as number[], pfs: [] as number[], acl: [] as number[], peer: [] as number[], pfsGroup: null as number | null };
  for (const source of phase2Sources(cfg, peer)) {
    const policy = source.policy;
    if (policy) {
      for (const t of transformSetsOf(cfg, policy)) out.transformSets.push(t.line);
      const setLine = settingLine(policy.transformSets, source.header);
      if (setLine !== null) out.transformSets.push(setLine);
      const pfsLine = settingLine(policy.pfsGroup, source.header);
      if (pfsLine !== null) out.pfs.push(pfsLine);
      out.pfsGroup ??= policy.pfsGroup.value;
    }
    if (source.kind === 'crypto-map') {
      if (source.entry.acl) out.acl.push(source.entry.acl.line);
      for (const e of source.acl?.entries ?? []) if (e.entry.action === 'permit') out.acl.push(e.line);
      for (const p of source.entry.peers) out.peer.push(p.line);
    } else {
      const destination = source.iface.tunnel?.destination?.line;
      if (destination !== undefined) out.peer.push(destination);
      out.acl.push(source.iface.line);
    }
    if (sourcePeer(source) !== null && peer !== null) break;
  }
  return out;
}

/** The lines of a policy that set its encryption, hash, group and authentication (header for defaults). */
export function policyLines(p: IsakmpPolicy): number[] {
  const lines = [p.line, settingLine(p.encryption, p.line), settingLine(p.hash, p.line), settingLine(p.group, p.line), settingLine(p.auth, p.line)];
  return lines.filter((l): l is number => l !== null);
}
