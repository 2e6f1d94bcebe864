/** The messages a machine sends, by the names the ladder draws them with. */
export type IkeMessageName =
  | 'MM1'
  | 'MM2'
  | 'MM3'
  | 'MM4'
  | 'MM5'
  | 'MM6'
  | 'AM1'
  | 'AM2'
  | 'AM3'
  | 'QM1'
  | 'QM2'
  | 'QM3'
  | 'NOTIFY'
  | 'DELETE';
