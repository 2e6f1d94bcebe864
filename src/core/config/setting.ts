/**
 * A value and where it comes from: a config line, or an IOS default (line null, `isDefault` true). Every effective
 * setting, IKEv1's and IKEv2's, is one.
 */
export interface Setting<T> {
  value: T;
  line: number | null;
  isDefault: boolean;
}

/** A setting the config leaves to IOS: its default. */
export function byDefault<T>(value: T): Setting<T> {
  return { value, line: null, isDefault: true };
}

/** A setting a config line gives. */
export function set<T>(value: T, line: number): Setting<T> {
  return { value, line, isDefault: false };
}
