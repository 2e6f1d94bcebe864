import { findPreset } from '../../sim/presets.ts';
import { expect, test } from 'vitest';
import { analyzeCase, fixture, lines, ruleCases, type RuleCase } from './rule-cases.test-helper.ts';

const seedLog = fixture('seed/ios-ikev1-main-mode-debugs.txt');

/** A log whose weak algorithms are named in the warning's summary; none, no warning. */
const weak = (name: string, logs: string, words: string[]): RuleCase => ({ name, logs, severities: words.length > 0 ? ['warning'] : [], summary: words });

const seed = findPreset('seed');
if (!seed) throw new Error('preset missing');

// Hand-written in IOS-XE form, a stress case: one proposal of 200,000 weak attribute lines, then many acceptances.
const head = '*Oct 25 18:53:16.490: ISAKMP: (0):';
const huge = [
  `${head}Checking ISAKMP transform 1 against priority 10 policy`,
  ...Array.from({ length: 200_000 }, () => `${head}      encryption DES-CBC`),
  ...Array.from({ length: 1_000 }, () => `${head}atts are acceptable. Next payload is 0`),
].join('\n');

ruleCases('WEAK_CRYPTO', [
  weak("seed: the seed's own policy, DES / SHA / group 1", seedLog, ['DES', 'DH group 1']),
  weak('corpus 08: 3DES / MD5 / group 2, esp-des, PFS group 1', fixture('corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log'), ['3DES', 'MD5', 'DH group 2', 'esp-des', 'PFS group 1']),
  weak('corpus 22: group 5', fixture('corpus/22-p1-lifetime-negotiation-responder-notes-snippet.log'), ['DH group 5']),
  weak('corpus 01: AES / group 14', fixture('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), []),
  weak('corpus 18: AES 256 / SHA512 / group 16', fixture('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), []),
  // show crypto isakmp sa detail alone: the algorithms columns prove what each SA uses, said as show output lists them
  {
    name: 'OTUS DMVPN hub, show crypto isakmp sa detail printed twice: aes / sha / rsig / group 2 on each SA, its row cited in both printings',
    logs: fixture('partial/show-isakmp-sa-detail-two-rsig-rows-dmvpn-hub-otus-lab.log'),
    severities: ['warning'],
    negotiation: 0,
    summary: ['Show output lists SAs that use DH group 2'],
    lines: lines(13, 30),
  },
  weak('branch notes, show crypto isakmp sa detail: aes / sha / psk / group 5', fixture('partial/show-isakmp-sa-detail-peers-ipsec-sa-branch-notes.log'), ['Show output lists SAs that use DH group 5']),
  weak('Hugo blog, show crypto isakmp sa detail: aes / sha384 / psk / group 14', fixture('partial/show-isakmp-sa-detail-nat-cap-ipsec-sa-detail-cut-crypto-map-blog.log'), []),
  weak('GET VPN member, show crypto isakmp sa detail: aes / sha256 / psk / group 14', fixture('partial/getvpn-group-member-isakmp-detail-ipsec-sa-port-848-course-notes.log'), []),
  {
    name: 'seed: says what to use instead, evidence on both routers',
    logs: seedLog,
    severities: ['warning'],
    fix: ['aes 256', 'group 14', /19 \/ 20/],
    lines: lines(182, 186, 635, 639),
  },
  {
    name: "seed with its routers' configs: the policy lines (IOS defaults fall on the policy header)",
    logs: seedLog,
    configs: [seed.initiator.config, seed.responder.config],
    severities: ['warning'],
    configLinesInclude: [
      { file: 1, line: 2 },
      { file: 2, line: 2 },
    ],
  },
  {
    name: 'a proposal of 200,000 weak attribute lines, then many acceptances: each line is evidence once, no stack overflow',
    logs: huge,
    severities: ['warning'],
    summary: ['DES'],
    lineCount: 200_000,
  },
]);

// Corpus 04 prints the CSDL warnings when a crypto map is applied, before any negotiation: analyze() builds none,
// and findings belong to negotiations, so the warnings are not reported (the rule, run on these events alone,
// would name 3DES, MD5, DH group 2 and DH group 5).
test('corpus 04: CSDL non-compliance warnings with no negotiation: nothing to report them on', () => {
  expect(analyzeCase({ logs: fixture('corpus/04-csdl-noncompliant-algorithms-iosxe.log') }).negotiations).toEqual([]);
});
