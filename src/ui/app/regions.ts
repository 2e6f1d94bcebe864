/** The page's regions, in reading order: the skip links and the layout both use this list. */
export const regions = [
  { id: 'negotiations', title: 'Negotiations' },
  { id: 'ladder', title: 'Ladder' },
  { id: 'message', title: 'Message' },
  { id: 'log', title: 'Log' },
  { id: 'configs', title: 'Configuration' },
  { id: 'state', title: 'State' },
  { id: 'findings', title: 'Findings' },
] as const;

export type RegionId = (typeof regions)[number]['id'];
