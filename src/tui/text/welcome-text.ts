/** The welcome screen's words, pure: what the desk holds, the first steps, the demo question with its real count. */
const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export interface WelcomeText {
  holds: string;
  keys: (readonly [string, string])[];
  /** Said before the question when the desk holds anything (its KB articles). */
  notEmpty: string | null;
  question: string;
}

export function welcomeText(dbName: string, articles: number, demoTickets: number | null): WelcomeText {
  const demo = demoTickets === null ? null : plural(demoTickets, 'demo ticket');
  const keys: (readonly [string, string])[] = [
    ...(demo ? [['d', `load demo data (${demo}, with requesters and technicians; asks first)`] as const] : []),
    ['n', 'create the first ticket'],
    ['K', articles > 0 ? `search the knowledge base (${plural(articles, 'article')})` : 'search the knowledge base'],
    ['?', 'every key'],
    ['q', 'quit'],
  ];
  return {
    holds: articles > 0 ? `${dbName} has no tickets yet; it holds ${plural(articles, 'KB article')}.` : `${dbName} has no tickets yet.`,
    keys,
    notEmpty:
      articles === 0
        ? null
        : `${dbName} is not empty: ${articles === 1 ? 'its KB article stays as it is' : `its ${plural(articles, 'KB article')} stay as they are`}.`,
    question: `Load ${demo ?? 'demo data'} into ${dbName}? y/n`,
  };
}
