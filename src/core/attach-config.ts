import { EXCHANGE_MESSAGES, MAIN_MODE, phase1Position, type ExchangeMessageName, type MessageName } from './ike/messages.ts';
import type { Side } from './ike/sides.ts';
import type { LineRef } from './ike/line-ref.ts';
import type { Ikev2Message, Message, Negotiation } from './analysis.ts';
import { matchesAddress, parseIp } from './config/address.ts';
import type { EffectiveConfig } from './config/model.ts';
import { effectiveConfigFromText } from './config/effective.ts';
import { attributesOf, decidingLines, decidingOf, linesOf, relatedLines, type ConfigAttribute } from './config/relations.ts';
import { ikev2AttributesOf, ikev2ConfigRelations } from './config/ikev2-relations.ts';
import { ikev2MessageName } from './timeline/ikev2-messages.ts';

/** A router's config given with the logs: its index in `input.files` and its effective model. */
export interface AttachedConfig {
  file: number;
  config: EffectiveConfig;
}

export function attachedConfig(file: number, text: string): AttachedConfig {
  return { file, config: effectiveConfigFromText(text) };
}

/**
 * How strongly a config looks like the one of the router at `self` talking to `peer`: its interfaces carry
 * `self`, its tunnel destinations and crypto map peers name `peer`.
 */
function ownership(config: EffectiveConfig, self: string, peer: string): number {
  const selfIp = parseIp(self);
  const peerIp = parseIp(peer);
  let score = 0;
  for (const iface of config.interfaces) {
    if (selfIp && iface.addresses.some((a) => !a.linkLocal && matchesAddress(a.match, selfIp))) score += 4;
    const destination = iface.tunnel?.destination ? parseIp(iface.tunnel.destination.address) : null;
    if (destination && peerIp && sameIp(destination.parts, peerIp.parts)) score += 3;
    if (destination && selfIp && sameIp(destination.parts, selfIp.parts)) score -= 3;
  }
  // An IKEv2 keyring peer or profile naming the peer's address (a FlexVPN router names its peers there).
  for (const keyring of config.ikev2.keyrings) {
    if (peerIp && keyring.peers.some((p) => p.address !== null && p.address.match.prefixLength > 0 && matchesAddress(p.address.match, peerIp))) score += 2;
  }
  for (const profile of config.ikev2.profiles) {
    if (peerIp && profile.matches.some((m) => m.match !== null && m.match.prefixLength > 0 && matchesAddress(m.match, peerIp))) score += 2;
  }
  for (const entry of config.cryptoMaps) {
    for (const p of entry.peers) {
      const ip = parseIp(p.address);
      if (ip && peerIp && sameIp(ip.parts, peerIp.parts)) score += 3;
      if (ip && selfIp && sameIp(ip.parts, selfIp.parts)) score -= 3;
    }
  }
  return score;
}

const sameIp = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The configs of a negotiation's two routers, where known. */
export interface SideConfigs {
  initiator?: AttachedConfig;
  responder?: AttachedConfig;
}

/** Which config belongs to which side of a negotiation; a side with no convincing config gets none. */
export function assignConfigs(negotiation: Negotiation, configs: readonly AttachedConfig[]): SideConfigs {
  const { initiator, responder } = negotiation.routers;
  if (configs.length === 0) return {};
  const scored = configs.map((c) => ({
    c,
    initiator: ownership(c.config, initiator.address, responder.address),
    responder: ownership(c.config, responder.address, initiator.address),
  }));
  const best = (side: Side, exclude?: AttachedConfig) =>
    scored.filter((s) => s.c !== exclude && s[side] > 0).sort((a, b) => b[side] - a[side])[0]?.c;
  const initiatorConfig = best('initiator');
  const responderConfig = best('responder', initiatorConfig);
  // Two configs that say nothing about addresses (the seed's VTIs name peers only by tunnel destination, and
  // an `address ipv6 ::/0` key fits any peer): the first given is the local router's, as the files were given.
  if (!initiatorConfig && !responderConfig && negotiation.role === 'both' && configs[0] && configs[1]) {
    return { initiator: configs[0], responder: configs[1] };
  }
  if (!initiatorConfig && !responderConfig && configs.length === 1 && configs[0] && negotiation.role !== 'both') {
    return negotiation.role === 'responder' ? { responder: configs[0] } : { initiator: configs[0] };
  }
  return {
    ...(initiatorConfig ? { initiator: initiatorConfig } : {}),
    ...(responderConfig ? { responder: responderConfig } : {}),
  };
}

const isConfigMessage = (name: string): name is ExchangeMessageName => (EXCHANGE_MESSAGES as readonly string[]).includes(name);

/**
 * The message whose config lines a message depends on: itself, or for the first two messages of a phase 1 whose
 * mode the log does not show, Main Mode's namesake: both modes' first two depend on the policies and the key.
 */
function configMessageOf(name: MessageName): ExchangeMessageName | null {
  if (isConfigMessage(name)) return name;
  const place = phase1Position(name);
  return place === 1 || place === 2 ? MAIN_MODE[place - 1] ?? null : null;
}

/** Each side's config with the peer it talks to, for the relation queries. */
function eachSide(negotiation: Negotiation, sides: SideConfigs, visit: (attached: AttachedConfig, peer: string) => void) {
  for (const side of ['initiator', 'responder'] as const) {
    const attached = sides[side];
    if (attached) visit(attached, negotiation.routers[side === 'initiator' ? 'responder' : 'initiator'].address);
  }
}

function linesFor(message: ExchangeMessageName, negotiation: Negotiation, sides: SideConfigs): LineRef[] {
  const out: LineRef[] = [];
  eachSide(negotiation, sides, (attached, peer) => {
    for (const line of relatedLines(attached.config, { message, peer })) out.push({ file: attached.file, line });
  });
  return out;
}

/** What decides one attribute on both routers: the lines that set it, and the blocks whose default does. */
function decidingFor(message: ExchangeMessageName, negotiation: Negotiation, sides: SideConfigs, attribute: ConfigAttribute) {
  const lines: LineRef[] = [];
  const defaults: { file: number; block: number }[] = [];
  eachSide(negotiation, sides, (attached, peer) => {
    const deciding = decidingLines(attached.config, { message, peer, attribute });
    for (const line of deciding.lines) lines.push({ file: attached.file, line });
    for (const block of deciding.defaultsIn) defaults.push({ file: attached.file, block });
  });
  return { lines, defaults };
}

/** The config lines one message depends on: all of them, and attribute by attribute for an exchange message. */
export interface MessageConfig {
  config: LineRef[];
  configByAttribute?: Partial<Record<ConfigAttribute, LineRef[]>>;
  configDefaultsByAttribute?: NonNullable<Message['configDefaultsByAttribute']>;
}

/** What the configs given say about one negotiation: whose config is whose, and each message's lines. */
export interface NegotiationConfigs {
  sides: SideConfigs;
  /** Index for index with the negotiation's messages; null when no config was given. */
  phase1: readonly MessageConfig[] | null;
  phase2: readonly (readonly MessageConfig[])[] | null;
  informational: readonly MessageConfig[] | null;
}

function messageConfig(message: Message, negotiation: Negotiation, sides: SideConfigs): MessageConfig {
  const name = configMessageOf(message.name);
  if (name === null) return { config: [] };
  const config = linesFor(name, negotiation, sides);
  const byAttribute: Partial<Record<ConfigAttribute, LineRef[]>> = {};
  const defaultsByAttribute: NonNullable<Message['configDefaultsByAttribute']> = {};
  for (const attribute of attributesOf(name)) {
    const deciding = decidingFor(name, negotiation, sides, attribute);
    byAttribute[attribute] = deciding.lines;
    if (deciding.defaults.length > 0) defaultsByAttribute[attribute] = deciding.defaults;
  }
  return { config, configByAttribute: byAttribute, configDefaultsByAttribute: defaultsByAttribute };
}

/** The stage that relates a negotiation to the configs given: which router's each is, which lines each message depends on. */
export function relateConfigs(negotiation: Negotiation, configs: readonly AttachedConfig[]): NegotiationConfigs {
  if (configs.length === 0) return { sides: {}, phase1: null, phase2: null, informational: null };
  const sides = assignConfigs(negotiation, configs);
  const of = (m: Message) => messageConfig(m, negotiation, sides);
  return {
    sides,
    phase1: negotiation.phase1.messages.map(of),
    phase2: negotiation.phase2.map((p) => p.messages.map(of)),
    informational: negotiation.informational.map(of),
  };
}

/** What the configs given say about an IKEv2 negotiation: whose config is whose, and each IKE SA message's lines. */
export interface Ikev2NegotiationConfigs {
  sides: SideConfigs;
  /** Index for index with `ikeSa.messages`; null when no config was given. */
  messages: readonly MessageConfig[] | null;
}

function ikev2MessageConfig(message: Ikev2Message, negotiation: Negotiation, sides: SideConfigs): MessageConfig {
  const name = ikev2MessageName(message);
  const config: LineRef[] = [];
  const byAttribute: Partial<Record<ConfigAttribute, LineRef[]>> = {};
  const defaultsByAttribute: NonNullable<Message['configDefaultsByAttribute']> = {};
  eachSide(negotiation, sides, (attached, peer) => {
    for (const line of linesOf(ikev2ConfigRelations(attached.config, { message: name, peer }))) config.push({ file: attached.file, line });
    for (const attribute of ikev2AttributesOf(name)) {
      const deciding = decidingOf(ikev2ConfigRelations(attached.config, { message: name, attribute, peer }));
      const lines = (byAttribute[attribute] ??= []);
      for (const line of deciding.lines) lines.push({ file: attached.file, line });
      for (const block of deciding.defaultsIn) (defaultsByAttribute[attribute] ??= []).push({ file: attached.file, block });
    }
  });
  return { config, configByAttribute: byAttribute, configDefaultsByAttribute: defaultsByAttribute };
}

/** The stage that relates an IKEv2 negotiation to the configs given, as `relateConfigs` does for IKEv1. */
export function relateIkev2Configs(negotiation: Negotiation, configs: readonly AttachedConfig[]): Ikev2NegotiationConfigs {
  if (configs.length === 0 || negotiation.ikeSa === undefined) return { sides: {}, messages: null };
  const sides = assignConfigs(negotiation, configs);
  return { sides, messages: negotiation.ikeSa.messages.map((m) => ikev2MessageConfig(m, negotiation, sides)) };
}
