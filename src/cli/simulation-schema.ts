/** The simulation JSON's schema name, IKEv1's and IKEv2's alike. */
export const SIMULATION_SCHEMA = 'ikescope.simulation/1';
