import { fixture, ruleCases, simulated } from './rule-cases.test-helper.ts';

const pfs = simulated('pfs-mismatch');
const { initiator, responder } = pfs.preset;

ruleCases('P2_PFS_MISMATCH', [
  {
    name: 'with the responder config: PFS, not transform, and the set pfs line',
    logs: pfs.paste,
    configs: [responder.config],
    severities: ['error'],
    summary: ['no PFS group', 'PFS group 14'],
    fix: ['set pfs group14'],
    // BRANCH: 'set pfs group14' is line 15 of its config.
    configLines: [{ file: 1, line: 15 }],
    without: ['P2_TRANSFORM_MISMATCH'],
  },
  { name: 'with both configs: the compatibility check agrees', logs: pfs.paste, configs: [initiator.config, responder.config], severities: ['error'], without: ['P2_TRANSFORM_MISMATCH'] },
  {
    name: "two logs and both configs: joined to the initiator's PROPOSAL_NOT_CHOSEN, the responder's set pfs line",
    logs: [pfs.initiator, pfs.responder],
    configs: [initiator.config, responder.config],
    severities: ['error'],
    linesInclude: [{ file: 0, line: 74 }, { file: 1, line: 59 }],
    configLinesInclude: [{ file: 3, line: 15 }],
    summary: [/HQ was told with PROPOSAL_NOT_CHOSEN/],
    without: ['P2_TRANSFORM_MISMATCH', 'P2_REJECTED_BY_PEER'],
  },
  // Without configs IOS's error 256 cannot tell PFS from transform: P2_TRANSFORM_MISMATCH reports it.
  { name: 'pfs preset without configs: not claimed', logs: pfs.paste, severities: [] },
  { name: 'corpus 08: PFS on both sides, success', logs: fixture('corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log'), severities: [] },
  { name: 'corpus 18: error 256 without configs', logs: fixture('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), severities: [] },
]);
