/**
 * Change notification (in place of SQLite's data_version polling): every statement that changes
 * tickets, interactions, kb_articles or outbox sends `pg_notify('deskline_changes', '<table>:<id>')`
 * for each row it changed, or `'<table>:*'` when it changed more than MANY (a bulk write). PostgreSQL
 * delivers them at COMMIT only (a rolled-back change says nothing) and folds duplicates within one
 * transaction. src/store/notify-pg.ts listens.
 */
export const NOTIFY_CHANNEL = 'deskline_changes';
const MANY = 20;
const TABLES = ['tickets', 'interactions', 'kb_articles', 'outbox'] as const;

const FUNCTION = `CREATE FUNCTION deskline_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE n bigint;
  BEGIN
    SELECT count(*) INTO n FROM changed;
    IF n > ${MANY} THEN
      PERFORM pg_notify('${NOTIFY_CHANNEL}', TG_TABLE_NAME || ':*');
    ELSE
      PERFORM pg_notify('${NOTIFY_CHANNEL}', TG_TABLE_NAME || ':' || id) FROM changed;
    END IF;
    RETURN NULL;
  END $$`;

const EVENTS = [
  ['insert', 'INSERT', 'NEW'],
  ['update', 'UPDATE', 'NEW'],
  ['delete', 'DELETE', 'OLD'],
] as const;

export const NOTIFY: readonly string[] = [
  FUNCTION,
  ...TABLES.flatMap((table) =>
    EVENTS.map(
      ([name, event, rows]) => `CREATE TRIGGER ${table}_notify_${name} AFTER ${event} ON ${table}
        REFERENCING ${rows} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION deskline_notify()`,
    ),
  ),
];
