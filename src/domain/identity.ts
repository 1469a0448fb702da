/** How a technician may verify who is asking before account work: a fixed list, never free text. */

export const VERIFY_METHODS = ['callback', 'in_person', 'manager', 'video'] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];

export const VERIFY_METHOD_HELP: Readonly<Record<VerifyMethod, string>> = {
  callback: 'called back on the number on file',
  in_person: 'photo ID seen at the desk',
  manager: 'confirmed by the line manager',
  video: 'video call with photo ID',
};

export function isVerifyMethod(value: string): value is VerifyMethod {
  return (VERIFY_METHODS as readonly string[]).includes(value);
}
