import { exampleWorkspaceId, type Workspace } from '../ui/app/workspace.ts';
import initiatorLog from '../../fixtures/corpus/29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log?raw';
import responderLog from '../../fixtures/corpus/30-asa-success-ike-sa-init-ike-auth-responder-pair-b.log?raw';

/**
 * An IKEv2 example: both ends' debugs of one successful IKE SA between two ASAs (corpus 29 and 30, published in
 * jesusbrochado/CAIDA), merged by its SPI pair: IKE_SA_INIT, IKE_AUTH with the first child SA, SM Trace states.
 */
export const ikev2AsaWorkspace: Workspace = {
  id: exampleWorkspaceId('ikev2-asa'),
  title: 'Example: IKEv2 between two ASAs, IKE_SA_INIT + IKE_AUTH, PSK (both logs)',
  files: [
    { name: '29-asa-initiator.log', kind: 'log', text: initiatorLog },
    { name: '30-asa-responder.log', kind: 'log', text: responderLog },
  ],
};
