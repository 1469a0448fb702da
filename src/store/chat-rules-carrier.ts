/**
 * The chat rules of the settings a face runs with, carried on its database handle. The faces read
 * settings; the store must not. So a face opens its desk with the rules (openDesk's `chat` option)
 * and they ride on the kysely handle as a plugin that changes nothing: every transaction begun from
 * that handle (kysely keeps plugins on connections and transactions) can ask `chatRulesOf(trx)`
 * inside the change that causes a notification, with no option threaded through the callers.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { ChatRules } from '../domain/chat/rules.js';
import type { Executor } from './executor.js';

class ChatRulesCarrier implements KyselyPlugin {
  constructor(readonly rules: ChatRules) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The handle with these rules on it (the same handle when there are none). */
export function withChatRules<T extends Executor>(db: T, rules: ChatRules | null): T {
  return rules ? (db.withPlugin(new ChatRulesCarrier(rules)) as T) : db;
}

/** The rules the handle (or a transaction begun from it) carries, or null. */
export function chatRulesOf(db: Executor): ChatRules | null {
  const found = db.getExecutor().plugins.find((p): p is ChatRulesCarrier => p instanceof ChatRulesCarrier);
  return found?.rules ?? null;
}
