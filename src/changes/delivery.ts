/**
 * One execution per change, shared by the subscribers who would get the same
 * answer. A subscription's selection set used to be executed for every
 * subscriber and every event: for an administrator's pool feed with 5,000
 * subscribers, 5,000 identical executions per change.
 *
 * Events reach subscribers as shared read-only views, one per audience
 * (src/schema/attribute-changes.ts). This plugin replaces the subscribe
 * function so that each event is executed once per (view, document,
 * operation name, variables, administrator or not) and the result handed to
 * every subscriber with that key. Only the caller's being an administrator
 * changes what a selection answers for the same view (the `admin` scope; all
 * subscribers are signed in), so the key covers what the answer depends on.
 * Results are kept only as long as the view (a WeakMap on it).
 */
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

type Result = ExecutionResult | Promise<ExecutionResult>;

/** The envelop/Yoga plugin; see the module's documentation. */
export function useSharedSubscriptionExecution(options: { onExecute?: () => void } = {}): Plugin<Context> {
  /** view → document → key → result */
  const results = new WeakMap<object, WeakMap<DocumentNode, Map<string, Result>>>();
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        const context = args.contextValue as Context | undefined;
        const key = `${context?.caller?.isAdmin ? 'admin' : 'user'}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
        return mapAsyncIterator(source, (view: unknown) => {
          if (typeof view !== 'object' || view === null) {
            options.onExecute?.();
            return execute({ ...args, rootValue: view });
          }
          let byDocument = results.get(view);
          if (!byDocument) {
            byDocument = new WeakMap();
            results.set(view, byDocument);
          }
          let byKey = byDocument.get(args.document);
          if (!byKey) {
            byKey = new Map();
            byDocument.set(args.document, byKey);
          }
          let result = byKey.get(key);
          if (!result) {
            options.onExecute?.();
            result = execute({ ...args, rootValue: view });
            byKey.set(key, result);
          }
          return result;
        });
      });
    },
  };
}
