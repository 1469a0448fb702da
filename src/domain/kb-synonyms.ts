/**
 * The small synonym table for KB search: a query word (or phrase) in a group matches any member.
 * Members are folded words (src/domain/kb-text.ts `words`), searched as prefixes, so `print`
 * already covers printer/printing. Keep groups tight: every member widens every query.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['login', 'log in', 'logon', 'log on', 'sign in', 'signin', 'logging in', 'signing in'],
  ['logout', 'log out', 'sign out', 'signout'],
  ['wifi', 'wi fi', 'wireless', 'wlan', 'ssid'],
  ['pc', 'computer', 'laptop', 'desktop', 'workstation', 'notebook', 'machine'],
  ['email', 'e mail', 'mail', 'outlook', 'inbox'],
  ['password', 'passcode', 'passphrase', 'pwd'],
  ['mfa', '2fa', 'authenticator', 'two factor', 'multi factor', 'otp', '2 step'],
  ['print', 'printer', 'printing', 'mfd', 'copier'],
  ['vpn', 'remote access', 'globalprotect', 'anyconnect', 'tunnel'],
  ['locked out', 'locked', 'lockout', 'lock out', 'unlock'],
  ['forgot', 'forgotten', 'reset', 'expired'],
  ['slow', 'sluggish', 'laggy', 'lag', 'freezing', 'freezes', 'hangs', 'unresponsive', 'performance'],
  ['new starter', 'new hire', 'onboarding', 'joiner', 'new employee', 'new user', 'starter'],
  ['leaver', 'leavers', 'offboarding', 'leaving', 'termination', 'departure', 'last day'],
  ['phishing', 'suspicious email', 'suspicious', 'scam', 'spoofed'],
  ['monitor', 'screen', 'display', 'external display'],
  ['dock', 'docking station', 'docking', 'usb c hub'],
  ['teams', 'meeting', 'zoom', 'video call'],
  ['audio', 'sound', 'microphone', 'mic', 'headset', 'speaker', 'hear'],
  ['disk space', 'disk full', 'storage', 'low disk', 'c drive'],
  ['install', 'installation', 'installer', 'reinstall'],
  ['update', 'patch', 'patching', 'upgrade', 'windows update'],
  ['restore', 'recover', 'recovery', 'deleted file', 'previous version'],
  ['backup', 'back up', 'backups'],
  ['licence', 'license', 'subscription', 'seat'],
  ['bitlocker', 'recovery key', 'encryption'],
  ['phone', 'mobile', 'iphone', 'android', 'smartphone', 'intune', 'mdm'],
  ['browser', 'chrome', 'edge', 'firefox', 'safari'],
  ['drop', 'drops', 'disconnect', 'disconnects', 'keeps dropping', 'unstable'],
  ['remote desktop', 'rdp', 'remote support', 'remote session', 'remote control', 'screen share'],
  ['jam', 'jammed', 'paper jam', 'stuck paper', 'misfeed'],
  ['driver', 'drivers', 'device manager'],
  ['shared mailbox', 'shared inbox', 'delegate', 'mailbox access'],
  ['sync', 'syncing', 'not updating', 'send receive'],
  ['crash', 'crashes', 'blue screen', 'bsod', 'stop error'],
  ['camera', 'webcam', 'cam'],
  ['software', 'app', 'apps', 'application', 'program'],
];

/** Query words that carry no meaning for KB search (dropped unless nothing else is left). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'my', 'me', 'i', 'im', 'ive', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'to', 'of',
  'on', 'in', 'at', 'for', 'and', 'or', 'not', 'no', 'how', 'do', 'does', 'did', 'can', 'cant', 'cannot',
  'wont', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'couldnt', 'what', 'why', 'when', 'where',
  'which', 'who', 'with', 'from', 'it', 'its', 'this', 'that', 'these', 'keeps', 'keep', 'get', 'gets',
  'got', 'getting', 'help', 'please', 'issue', 'issues', 'problem', 'problems', 'working', 'work', 'works',
  'anymore', 'any', 'all', 'some', 'just', 'after', 'again', 'still', 'will', 'would', 'should', 'need',
  'needs', 'want', 'our', 'we', 'you', 'your', 'their', 'they', 'he', 'she', 'his', 'her', 'up', 'by',
  'into', 'out', 'off', 'so', 'very', 'too', 'user', 'users', 'hd',
]);
