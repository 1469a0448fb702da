/** Option parsers commander calls for flags that repeat. */

/** `--tag a,b --tag c` → ['a', 'b', 'c']: each use adds its comma-separated words. */
export const commaList = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',')];

/** `--hours mon=09:00-12:00,13:00-17:00 --hours sat=off` → each use adds its value whole (commas and all). */
export const appendValue = (value: string, previous: string[] = []): string[] => [...previous, value];
