/**
 * A value and where it comes from: a config line, or an IOS default (line null, `isDefault` true). Every effective
 * setting, IKEv1's and IKEv2's, is one.
 */
export interface Setting<T> {
  value: T;
  line: number | null;
  isDefault: boolean;
}
