/**
 * IKEv2 negotiations for the generated bench log, made from the corpus' own captures so that their lines have
 * the shapes real routers print: IOS-XE (11: an IKE SA up with its child SA refused; 24: IKE_SA_INIT never
 * answered) stamped as IOS-XE 17 stamps its lines, and the ASA form (29 and 30: both ends of a success; 26: a
 * responder refusing two PSK attempts) stamped with syslog time. Each capture's SPIs, addresses and SA IDs or
 * tags become placeholders the generator fills per negotiation.
 */
import { readFileSync } from 'node:fs';

export interface Ikev2Template {
  /** The lines; `|` before one marks a line printed without a timestamp (a packet block's, a decode's). */
  lines: string[];
  /** How many SPIs (`{X0}`, `{x0}` lower case, …) and tags (`{T0}`, …) it holds. */
  spis: number;
  tags: number;
  /** IOS-XE or ASA: how its lines are stamped. */
  form: 'ios' | 'asa';
  /** The line before which another negotiation's lines may come: a received packet. */
  breakBefore: string;
}

const FILES: readonly [string, Ikev2Template['form']][] = [
  ['11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log', 'ios'],
  ['24-ike-sa-init-no-response-retransmit-initial-exchange-failed-initiator-iosxe16.log', 'ios'],
  ['29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log', 'asa'],
  ['30-asa-success-ike-sa-init-ike-auth-responder-pair-b.log', 'asa'],
  ['26-asa-psk-mismatch-authentication-failed-responder-two-attempts.log', 'asa'],
];

const SPI = /(?:Initiator SPI : |Responder SPI : |I_SPI=|R_SPI=|ISPI: 0x|RSPI: 0x|InitSPI=0x|RespSPI=0x)([\dA-Fa-f]{16})/g;
const ENDS = /\[(?:To|From) (\S+?):\d{1,5}\/(?:To|From) (\S+?):\d{1,5}\//;

/** The IKEv2 records of a capture and their continuation lines; prompts, syslog lines and help output left out. */
function ikev2Lines(text: string): string[] {
  const out: string[] = [];
  let keeping = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r/g, '');
    if (line.startsWith('#')) continue;
    if (line.startsWith('IKEv2:') || line.startsWith('IKEv2-')) {
      keeping = true;
      out.push(line);
    } else if (keeping && !line.startsWith('*') && !/^\S+#/.test(line)) {
      out.push(`|${line}`);
    } else {
      keeping = false;
    }
  }
  return out;
}

function template(name: string, form: Ikev2Template['form']): Ikev2Template {
  let text = ikev2Lines(readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8')).join('\n');
  const spis = [...new Set([...text.matchAll(SPI)].map((m) => (m[1] ?? '').toUpperCase()))].filter((s) => s !== '0000000000000000');
  spis.forEach((spi, i) => {
    text = text.replaceAll(spi, `{X${i}}`).replaceAll(spi.toLowerCase(), `{x${i}}`);
  });
  // the first packet line names both ends: `[To peer:500/From local:500/` or `[From peer/To local`
  const ends = ENDS.exec(text);
  const [peer, local] = ends === null ? ['', ''] : [ends[1] ?? '', ends[2] ?? ''];
  if (local !== '') text = text.replaceAll(local, '{L}');
  if (peer !== '') text = text.replaceAll(peer, '{P}');
  const tags = [...new Set([...text.matchAll(/SA ID = (\d{1,6})|\((\d{1,6})\):/g)].map((m) => m[1] ?? m[2] ?? ''))];
  tags.forEach((tag, i) => {
    text = text.replaceAll(`SA ID = ${tag})`, `SA ID = {T${i}})`).replaceAll(`SA ID = ${tag},`, `SA ID = {T${i}},`).replaceAll(`(${tag}):`, `({T${i}}):`);
  });
  text = text.replace(/SESSION ID = \d{1,6}/g, 'SESSION ID = {T0}');
  return { lines: text.split('\n'), spis: spis.length, tags: tags.length, form, breakBefore: form === 'ios' ? 'Received Packet' : 'RECV PKT' };
}

export function ikev2Templates(): Ikev2Template[] {
  return FILES.map(([name, form]) => template(name, form));
}
