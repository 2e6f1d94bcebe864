/** NO_PSK: `No pre-shared key with X!` / `No Cert or pre-shared address key.`: Main Mode never starts. */
import type { LineRef } from '../../ike/line-ref.ts';
import { otherSide } from '../../ike/sides.ts';
import { addressOf, keyLine, addRef, routerName } from '../config-fix.ts';
import { finding } from '../finding.ts';
import { at, hasEvents, peerAddress } from '../queries.ts';
import type { Rule } from '../rule.ts';
import { sidesOf } from '../printed-by.ts';

export const rule: Rule = {
  code: 'NO_PSK',
  diagnose(ctx) {
    if (!hasEvents(ctx, ['psk', 'error'])) return [];
    const missing = ctx.events.filter((e) => (e.type === 'psk' && !e.found) || (e.type === 'error' && e.code === 'no-psk-address'));
    const first = missing[0];
    if (!first) return [];
    const follow = ctx.events.filter((e) => e.type === 'error' && (e.code === 'mm-not-started' || e.code === 'sa-init-failed'));
    const side = sidesOf(ctx)(first) ?? 'initiator';
    const name = routerName(ctx, side);
    const named = missing.find((e) => e.type === 'psk' && e.peer !== null);
    const peer = (named?.type === 'psk' ? named.peer : null) ?? peerAddress(ctx, side) ?? 'the peer';
    const notStarted = follow.some((e) => e.type === 'error' && e.code === 'mm-not-started');
    const summary = `${name} has no pre-shared key for ${peer}${notStarted ? ': it cannot start Main Mode, so MM1 is never sent' : ', so it cannot authenticate it'} ("No pre-shared key with ${peer}").`;
    const own = ctx.configs[side];
    const theirs = ctx.configs[otherSide(side)];
    const configLines: LineRef[] = [];
    let fix = `On ${name}: crypto isakmp key KEY address ${peer} (or 'pre-shared-key address ${peer} key KEY' in the keyring its ISAKMP profile uses), with the same KEY as on the peer. Check with 'show running-config | include crypto isakmp key|keyring'.`;
    if (own) {
      const keys = own.config.keys;
      for (const k of keys) addRef(configLines, own, k.line);
      const existing = keys.length > 0 ? ` Its keys (${keys.map((k) => `line ${k.line}`).join(', ')}) are for other addresses: one may be a typo of ${peer}.` : ' Its config has no key at all.';
      fix = `On ${name} (config file ${own.file}): add 'crypto isakmp key KEY address ${peer}'.${existing}`;
    }
    if (theirs) {
      const line = keyLine(theirs.config, addressOf(ctx, side), addressOf(ctx, otherSide(side)));
      if (line !== null) {
        addRef(configLines, theirs, line);
        fix += ` Use the same KEY as ${routerName(ctx, otherSide(side))}'s line ${line}.`;
      }
    }
    return [finding({ code: 'NO_PSK', severity: 'error', lines: [...missing, ...follow].map(at), summary, fix, message: 'MM1', side, configLines })];
  },
};

