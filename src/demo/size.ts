/**
 * How many demo tickets a seed makes, in a module of its own: the CLI's `demo seed` help and the
 * console's welcome question say the number without loading the generator.
 */
export const DEFAULT_DEMO_TICKETS = 2_000;
export const MAX_DEMO_TICKETS = 1_000_000;
