/**
 * Stands in for the `is-in-ci` package in the console bundle (scripts/build.mjs aliases it here).
 * Ink reads `CI` once when it loads and, when set, draws nothing until it unmounts: a technician
 * whose shell exports `CI=true` (dev containers, some toolboxes) got a console that never drew.
 * The console only starts on a terminal, so it always draws as on a terminal.
 */
const isInCi = false;
export default isInCi;
