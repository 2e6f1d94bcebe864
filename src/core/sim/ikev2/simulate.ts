/**
 * The two-router IKEv2 simulation: the initiator's IKE_SA_INIT and IKE_AUTH, the responder's answers, each
 * router deciding from its effective configuration (decide.ts) what it offers, accepts, which profile and keys it
 * uses and whether the child SA fits; the machines (loop.ts) say where each message goes on the wire. A refused
 * child SA leaves the IKE SA up and the initiator deletes it, as IOS does (corpus 11, 27).
 */
import type { Ikev2MessageName } from '../../ike/messages.ts';
import type { Side } from '../../ike/sides.ts';
import { hex8, numberFrom } from '../ios-print.ts';
import { infoOf, type SimRouter } from '../routers.ts';
import type { SimOutcome } from '../trace.ts';
import { chooseProposal, keysFor, localIdentityOf, profileFor } from '../../config/ikev2-decide.ts';
import type { Ikev2Identity, Ikev2Profile } from '../../config/ikev2-model.ts';
import { childOffer, chooseChild, ikeOffer, ikev2Source, initiatorProfile, keyringOf, type ChildRefusal } from './decide.ts';
import { Ikev2Loop } from './loop.ts';
import { initiatorScripts as I, responderScripts as R } from './scripts.ts';
import type { Ikev2Faults, Ikev2SimTrace } from './trace.ts';

export interface Ikev2Scenario {
  initiator: SimRouter;
  responder: SimRouter;
  faults?: Ikev2Faults;
}

const INIT_PAYLOADS = ['SA', 'KE', 'N', 'VID', 'VID', 'VID', 'VID', 'NOTIFY(NAT_DETECTION_SOURCE_IP)', 'NOTIFY(NAT_DETECTION_DESTINATION_IP)'];
const CHILD_NOTIFIES = ['NOTIFY(SET_WINDOW_SIZE)', 'NOTIFY(ESP_TFC_NO_SUPPORT)', 'NOTIFY(NON_FIRST_FRAGS)'];

/** The identity a router sends: its profile's `identity local`, else its address. */
function identityOf(profile: Ikev2Profile | null, address: string): Ikev2Identity {
  return localIdentityOf(profile, address) ?? { kind: 'address', value: address };
}

function spiOf(text: string): string {
  return `${hex8(numberFrom(`${text}:hi`, 32))}${hex8(numberFrom(`${text}:lo`, 32))}`;
}

export function simulateIkev2(scenario: Ikev2Scenario): Ikev2SimTrace {
  const faults = scenario.faults ?? {};
  const nat = faults.nat === true;
  const { initiator: ini, responder: res } = scenario;
  const iProfile = initiatorProfile(ini.config, res.address);
  const iId = identityOf(iProfile, ini.address);
  const iChild = childOffer(ini.config, res.address);
  const rChild = childOffer(res.config, ini.address);
  // the responder's profile is the one the initiator's identity selects; its identity is that profile's
  const rProfile = profileFor(res.config, iId, res.address);
  const rId = identityOf(rProfile, res.address);
  const iKeysFor = (peerId: Ikev2Identity) => keysFor(ini.config, iProfile, { address: res.address, identity: peerId });
  const iOffer = ikeOffer(ini.config, ini.address);
  const rOffer = ikeOffer(res.config, res.address);
  let childRefusal: ChildRefusal | null = null;
  let childInstalled = false;

  const deliver = (to: Side, message: Ikev2MessageName, payloads: readonly string[]) => {
    const state = loop.state(to);
    // an SA deleted is gone: a packet for it finds nothing to answer
    if (state === 'DELETE') return;
    const messageId = message.startsWith('IKE_SA_INIT') ? 0 : message.startsWith('IKE_AUTH') ? 1 : 2;
    if (to === 'responder' && !message.endsWith('.response')) loop.setMessageId('responder', messageId);
    loop.receive(to, message, payloads, messageId);
    switch (message) {
      case 'IKE_SA_INIT':
        if (state !== 'IDLE') return duplicate(to, message);
        return initReceived();
      case 'IKE_SA_INIT.response':
        if (state !== 'I_WAIT_INIT') return loop.note(to, { kind: 'duplicate', message });
        return payloads.includes('NOTIFY(NO_PROPOSAL_CHOSEN)') ? loop.run(to, I.initRefused, { EV_CHK4_NOTIFY: () => loop.note(to, { kind: 'init-refused' }) }) : initAnswered();
      case 'IKE_AUTH':
        if (state !== 'R_WAIT_AUTH') return duplicate(to, message);
        return authReceived();
      case 'IKE_AUTH.response':
        if (state !== 'I_WAIT_AUTH') return loop.note(to, { kind: 'duplicate', message });
        return authAnswered(payloads);
      case 'INFORMATIONAL':
        if (state !== 'READY') return duplicate(to, message);
        loop.outbox.responder['INFORMATIONAL.response'] = [];
        return loop.run(to, R.deleteReceived, {
          EV_CHK_INFO_TYPE: () => loop.note(to, { kind: 'delete-received' }),
          EV_FREE_SA: () => loop.note(to, { kind: 'sa-deleted' }),
        });
      case 'INFORMATIONAL.response':
        if (state !== 'INFO_I_WAIT') return loop.note(to, { kind: 'duplicate', message });
        return loop.run(to, I.deleteAcknowledged, {
          EV_RECV_INFO_ACK: () => loop.note(to, { kind: 'delete-acknowledged' }),
          EV_FREE_SA: () => loop.note(to, { kind: 'sa-deleted' }),
        });
      default:
        return loop.note(to, { kind: 'duplicate', message });
    }
  };

  /** A request seen before: its answer was lost, so the responder sends that answer again. */
  const duplicate = (side: Side, message: Ikev2MessageName) => {
    loop.note(side, { kind: 'duplicate', message });
    if (loop.lastSent(side) === `${message}.response`) loop.resend(side);
  };

  const giveUp = (side: Side, state: string) => {
    // a delete never acknowledged: the SA goes anyway
    if (state === 'INFO_I_WAIT') return loop.note(side, { kind: 'sa-deleted' });
    loop.run(side, I.giveUp(state), { EV_RE_XMT_EXCEED: () => loop.note(side, { kind: 'gave-up', exchange: state === 'I_WAIT_INIT' ? 'IKE_SA_INIT' : 'IKE_AUTH' }) });
  };

  const loop = new Ikev2Loop(faults, deliver, giveUp);

  const natNote = (side: Side) => () => loop.note(side, { kind: 'nat', found: nat, inside: side === 'initiator' });

  const initReceived = () => {
    const chosen = chooseProposal(iOffer.proposals, rOffer.proposals);
    const hooks = {
      EV_GET_IKE_POLICY: () => loop.note('responder', { kind: 'policy', local: res.address, offer: rOffer }),
      EV_PROC_MSG: () => loop.note('responder', { kind: 'proposal-check', chosen, offered: iOffer.proposals, accepted: rOffer.proposals }),
    };
    if (chosen === null) {
      loop.outbox.responder['IKE_SA_INIT.response'] = ['NOTIFY(NO_PROPOSAL_CHOSEN)'];
      return loop.run('responder', R.initRefused, hooks);
    }
    loop.outbox.responder['IKE_SA_INIT.response'] = INIT_PAYLOADS;
    loop.run('responder', R.initAccepted, {
      ...hooks,
      EV_DETECT_NAT: natNote('responder'),
      EV_BLD_MSG: () => loop.note('responder', { kind: 'proposals-built', proposals: rOffer.proposals }),
      EV_DONE: () => loop.note('responder', { kind: 'init-done' }),
    });
  };

  const initAnswered = () => {
    const transport = iChild?.transformSets[0]?.mode === 'transport';
    loop.setMessageId('initiator', 1);
    loop.outbox.initiator.IKE_AUTH = ['VID', 'IDi', 'AUTH', 'SA', 'TSi', 'TSr', 'NOTIFY(INITIAL_CONTACT)', ...(transport ? ['NOTIFY(USE_TRANSPORT_MODE)'] : []), ...CHILD_NOTIFIES];
    loop.run('initiator', I.initAnswered(nat), {
      EV_DETECT_NAT: natNote('initiator'),
      EV_DONE: () => loop.note('initiator', { kind: 'init-done' }),
      EV_SEND_AUTH: () => loop.note('initiator', { kind: 'auth-built', identity: iId, keys: iKeysFor(rId), keyring: keyringOf(iProfile), child: iChild }),
    });
  };

  const authReceived = () => {
    const profile = rProfile;
    const lookup = () => loop.note('responder', { kind: 'profile', identity: iId, profile: profile?.name ?? null });
    if (profile === null) {
      loop.outbox.responder['IKE_AUTH.response'] = ['NOTIFY(AUTHENTICATION_FAILED)'];
      return loop.run('responder', R.noProfile(nat), { EV_GET_POLICY_BY_PEERID: lookup });
    }
    loop.run('responder', R.authReceived(nat), { EV_GET_POLICY_BY_PEERID: lookup });
    const rKeys = keysFor(res.config, profile, { address: ini.address, identity: iId });
    const iKeys = iKeysFor(rId);
    const passed = iKeys.local !== null && rKeys.remote !== null && iKeys.local.key === rKeys.remote.key;
    const keyHooks = {
      EV_GET_PRESHR_KEY: () => loop.note('responder', { kind: 'peer-keys', peer: iId.value, keys: rKeys, keyring: keyringOf(profile) }),
      EV_VERIFY_AUTH: () => loop.note('responder', { kind: 'auth-verified', passed }),
    };
    if (!passed) {
      loop.outbox.responder['IKE_AUTH.response'] = ['NOTIFY(AUTHENTICATION_FAILED)'];
      return loop.run('responder', R.authRefused, keyHooks);
    }
    const child = iChild !== null && rChild !== null ? chooseChild(iChild, rChild) : { transformSet: null, refusal: 'NO_PROPOSAL_CHOSEN' as const };
    childRefusal = child.refusal;
    const childHook = { ...keyHooks, EV_PROC_SA_TS: () => loop.note('responder', { kind: 'child', ...child }) };
    const up = {
      EV_GEN_AUTH: () => loop.note('responder', { kind: 'auth-built', identity: rId, keys: rKeys, keyring: keyringOf(profile), child: null }),
      EV_OK: () => loop.note('responder', { kind: 'up', lifetimeSeconds: profile.lifetimeSeconds.value, ids: [iId.value, rId.value] }),
    };
    if (child.refusal !== null) {
      loop.outbox.responder['IKE_AUTH.response'] = ['VID', 'IDr', 'AUTH', `NOTIFY(${child.refusal})`];
      return loop.run('responder', R.childRefused, { ...childHook, ...up });
    }
    loop.outbox.responder['IKE_AUTH.response'] = ['VID', 'IDr', 'AUTH', 'SA', 'TSi', 'TSr', ...CHILD_NOTIFIES];
    loop.run('responder', R.authAccepted, { ...childHook, ...up });
  };

  const authAnswered = (payloads: readonly string[]) => {
    if (payloads.includes('NOTIFY(AUTHENTICATION_FAILED)')) {
      return loop.run('initiator', I.authRefused, { EV_CHK4_NOTIFY: () => loop.note('initiator', { kind: 'auth-refused-by-peer' }) });
    }
    const rKeys = keysFor(res.config, rProfile, { address: ini.address, identity: iId });
    const iKeys = iKeysFor(rId);
    const passed = rKeys.local !== null && iKeys.remote !== null && rKeys.local.key === iKeys.remote.key;
    const hooks = {
      EV_GET_POLICY_BY_PEERID: () => loop.note('initiator', { kind: 'profile', identity: rId, profile: iProfile?.name ?? null }),
      EV_GET_PRESHR_KEY: () => loop.note('initiator', { kind: 'peer-keys', peer: rId.value, keys: iKeys, keyring: keyringOf(iProfile) }),
      EV_VERIFY_AUTH: () => loop.note('initiator', { kind: 'auth-verified', passed }),
    };
    // the initiator checks the responder's identity against its own profile's match identity remote
    if (iProfile !== null && profileFor(ini.config, rId, ini.address)?.name !== iProfile.name) {
      return loop.run('initiator', I.identityRefused, { EV_GET_POLICY_BY_PEERID: () => loop.note('initiator', { kind: 'profile', identity: rId, profile: null }) });
    }
    if (!passed) return loop.run('initiator', I.verifyFailed, hooks);
    const up = { EV_OK: () => loop.note('initiator', { kind: 'up', lifetimeSeconds: iProfile?.lifetimeSeconds.value ?? 86400, ids: [rId.value, iId.value] }) };
    const refusal = payloads.find((p) => p === 'NOTIFY(NO_PROPOSAL_CHOSEN)' || p === 'NOTIFY(TS_UNACCEPTABLE)');
    if (refusal !== undefined) {
      loop.setMessageId('initiator', 2);
      loop.outbox.initiator.INFORMATIONAL = ['DELETE'];
      return loop.run('initiator', I.childRefused, {
        ...hooks,
        ...up,
        EV_CHK4_NOTIFY: () => loop.note('initiator', { kind: 'child-refused-by-peer', refusal: refusal.slice(7, -1) as ChildRefusal }),
        EV_SND_SA_DEL: () => loop.note('initiator', { kind: 'delete-sent' }),
      });
    }
    childInstalled = true;
    loop.run('initiator', I.authAnswered, { ...hooks, ...up });
  };

  // no policy for the initiator's address: it cannot build IKE_SA_INIT (as the check says); no IKEv2 profile
  // named for the peer: nothing to authenticate with, so nothing is started
  const cannotStart = iOffer.policy === null || iProfile === null;
  if (iOffer.policy === null) loop.note('initiator', { kind: 'policy', local: ini.address, offer: iOffer });
  else if (iProfile === null) loop.note('initiator', { kind: 'no-profile', name: ikev2Source(ini.config, res.address)?.policy?.ikev2Profile.value ?? null });
  else {
    loop.outbox.initiator.IKE_SA_INIT = INIT_PAYLOADS;
    loop.run('initiator', I.start, {
      EV_GET_IKE_POLICY: () => loop.note('initiator', { kind: 'policy', local: ini.address, offer: iOffer }),
      EV_BLD_MSG: () => loop.note('initiator', { kind: 'proposals-built', proposals: iOffer.proposals }),
    });
    loop.drain();
  }

  const up = loop.wasReady('initiator') && loop.wasReady('responder');
  const failed = cannotStart || loop.failed('initiator') || loop.failed('responder');
  const phase1: SimOutcome = up ? 'complete' : failed ? 'failed' : 'incomplete';
  const phase2: SimOutcome = up && childInstalled && childRefusal === null ? 'complete' : childRefusal !== null || failed ? 'failed' : 'incomplete';
  return Object.freeze({
    ikeVersion: 2,
    initiator: infoOf(ini),
    responder: infoOf(res),
    faults,
    spis: { initiator: spiOf(`${ini.name}>${res.name}`), responder: spiOf(`${res.name}<${ini.name}`) },
    steps: Object.freeze(loop.steps),
    outcome: Object.freeze({ phase1, phase2 }),
  });
}
