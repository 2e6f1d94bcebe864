import type { Message, Negotiation } from '../../core/analysis.ts';
import type { ConfigAttribute } from '../../core/config/relations.ts';
import { dhGroupName } from '../../core/ike/message-guide.ts';
import { phase1Position } from '../../core/ike/messages.ts';
import { childSaAnswer, childSaOf } from '../../core/ike/child-sa-answer.ts';

/** One decoded attribute of a message, with the config attribute it comes from (when a config sets it). */
export interface AttributeRow {
  name: string;
  value: string;
  attribute: ConfigAttribute | null;
}

/**
 * An IKEv2 message's rows: IKE_SA_INIT's algorithms (as show output lists them, else the proposal as printed),
 * IKE_AUTH's identities, authentication and key, and the first child SA's transform and traffic selectors.
 */
function ikev2Rows(message: Message, negotiation: Negotiation): AttributeRow[] {
  const rows: AttributeRow[] = [];
  const sa = negotiation.ikeSa;
  const exchange = message.name.split('.')[0];
  if (exchange === 'IKE_SA_INIT' && sa) {
    const shown = sa.shown;
    if (shown?.encryption) rows.push({ name: 'Encryption', value: `${shown.encryption}${shown.keySize ? ` ${shown.keySize}-bit` : ''}`, attribute: 'encryption' });
    if (shown?.integrity) rows.push({ name: 'Integrity', value: shown.integrity, attribute: 'hash' });
    if (shown?.prf) rows.push({ name: 'PRF', value: shown.prf, attribute: 'hash' });
    if (shown?.group != null) rows.push({ name: 'DH group', value: `${shown.group}: ${dhGroupName(shown.group)}`, attribute: 'group' });
    if (!shown?.encryption && sa.proposal) rows.push({ name: 'Proposal', value: sa.proposal.transforms.join(' '), attribute: 'encryption' });
  }
  const child = childSaOf(message, negotiation);
  if (exchange === 'IKE_AUTH') {
    const ids = sa?.shown?.ids;
    rows.push({ name: 'Identity', value: ids?.local || ids?.remote ? `local ${ids.local ?? '?'}, remote ${ids.remote ?? '?'}` : 'IDi / IDr (identity local, the address by default)', attribute: 'identity' });
    rows.push({ name: 'Authentication', value: 'AUTH payload: the method of authentication local, checked against authentication remote', attribute: 'auth' });
    rows.push({ name: 'Pre-shared key', value: "signs AUTH (keyring local of the IKEv2 profile)", attribute: 'psk' });
  }
  if (child && (exchange === 'IKE_AUTH' || exchange === 'CREATE_CHILD_SA')) {
    const answer = childSaAnswer(message, child).kind;
    const carried = answer === 'proposed' || answer === 'carried';
    if (carried && child.transform) rows.push({ name: 'Child SA transform', value: child.transform, attribute: 'transform' });
    const ts = child.trafficSelectors;
    if (carried && ts) rows.push({ name: 'Traffic selectors', value: `${ts.local.join(', ')} ⇄ ${ts.remote.join(', ')}`, attribute: 'proxies' });
    if (child.refusal) rows.push({ name: 'Refused', value: child.refusal, attribute: null });
  }
  return rows;
}

/** The attributes the inspector decodes for a message, each tied to the config attribute that sets it. */
export function attributeRows(message: Message, negotiation: Negotiation, phase2Index: number): AttributeRow[] {
  if (negotiation.ikeVersion === 2) return ikev2Rows(message, negotiation);
  const rows: AttributeRow[] = [];
  const proposal = negotiation.phase1.proposal;
  const place = phase1Position(message.name);
  if ((place === 1 || place === 2) && proposal) {
    rows.push({ name: 'Encryption', value: `${proposal.encryption}${proposal.keyLength ? ` ${proposal.keyLength}-bit` : ''}`, attribute: 'encryption' });
    rows.push({ name: 'Hash', value: proposal.hash, attribute: 'hash' });
    if (proposal.group !== null) rows.push({ name: 'DH group', value: `${proposal.group}: ${dhGroupName(proposal.group)}`, attribute: 'group' });
    rows.push({ name: 'Authentication', value: proposal.auth, attribute: 'auth' });
    if (proposal.lifetimeSeconds !== null) rows.push({ name: 'Lifetime', value: `${proposal.lifetimeSeconds} s`, attribute: 'lifetime' });
  }
  const phase2 = negotiation.phase2[phase2Index];
  if (phase2 && (message.name === 'QM1' || message.name === 'QM2')) {
    if (phase2.transform) rows.push({ name: 'Transform', value: phase2.transform, attribute: 'transform' });
    if (phase2.encapsulation) rows.push({ name: 'Encapsulation', value: phase2.encapsulation, attribute: 'encapsulation' });
    if (phase2.lifetimeSeconds !== null) rows.push({ name: 'Lifetime', value: `${phase2.lifetimeSeconds} s`, attribute: 'sa-lifetime' });
    if (phase2.lifetimeKb !== null) rows.push({ name: 'Lifetime', value: `${phase2.lifetimeKb} KB`, attribute: 'sa-lifetime' });
    rows.push({ name: 'PFS', value: phase2.pfsGroup === null ? 'none' : `group ${phase2.pfsGroup}: ${dhGroupName(phase2.pfsGroup)}`, attribute: 'pfs' });
    if (phase2.proxies) rows.push({ name: 'Proxies', value: `${phase2.proxies.local} ⇄ ${phase2.proxies.remote}`, attribute: 'proxies' });
  }
  if (phase2 && (message.name === 'QM2' || message.name === 'QM3')) {
    for (const sa of phase2.sas) {
      const life = `${sa.lifetimeSeconds !== null ? `, ${sa.lifetimeSeconds} s` : ''}${sa.lifetimeKb !== null ? ` / ${sa.lifetimeKb} KB` : ''}`;
      rows.push({ name: `SPI ${sa.direction}`, value: `${sa.spi} (${sa.spiDecimal})${life}${sa.status ? `, ${sa.status}` : ''}`, attribute: null });
    }
  }
  if (message.name === 'MM5' || message.name === 'MM6') rows.push({ name: 'Identity', value: 'ID payload (address unless crypto isakmp identity says otherwise)', attribute: 'identity' });
  if (message.name === 'MM5' || message.name === 'MM6' || message.name === 'MM3' || message.name === 'MM4') {
    rows.push({ name: 'Pre-shared key', value: 'keys the hash of MM5/MM6', attribute: 'psk' });
  }
  return rows;
}

