import { exampleWorkspaceId, type Workspace } from '../ui/app/workspace.ts';
import seedDocument from '../../fixtures/seed/ios-ikev1-main-mode-debugs.txt?raw';
import r2Config from '../../fixtures/configs/seed-R2.config.txt?raw';
import r3Config from '../../fixtures/configs/seed-R3.config.txt?raw';

/**
 * The built-in example: Cisco's TAC document 113594, pasted whole (R3's debugs as responder, then R2's as
 * initiator), with the two routers' crypto configs it lists. The first visit shows this.
 */
export const seedWorkspace: Workspace = {
  id: exampleWorkspaceId('seed'),
  title: 'Example: IPv6 VTI, Main Mode + Quick Mode, PSK (Cisco document 113594)',
  files: [
    { name: 'ios-ikev1-main-mode-debugs.txt', kind: 'log', text: seedDocument },
    { name: 'R2.config.txt', kind: 'config', router: 'R2', text: r2Config },
    { name: 'R3.config.txt', kind: 'config', router: 'R3', text: r3Config },
  ],
};
