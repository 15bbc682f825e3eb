/**
 * Input the engine chokes on is the client's fault, not the service's: it is
 * refused as `BAD_USER_INPUT`, never masked as a 500. Two cases, both found
 * by test/fuzz.test.ts:
 *
 * - A document nested so deeply that graphql-js's parser (or a validation
 *   rule, graphql-armor's among them) runs out of stack. The default
 *   `MAX_TOKENS` (2,000) keeps documents too short to get there; a raised one
 *   (the setting goes to 100,000) lets `[[[[…]]]]` or `... on Query { … on
 *   Query { …` thousands of levels deep reach the parser, which recurses once
 *   per level.
 * - `variables` or `extensions` that are not JSON in a GET's query string or
 *   a form-encoded POST: Yoga parses them with a bare `JSON.parse` (its JSON
 *   body parser, by contrast, answers 400 itself).
 *
 * An envelop/Yoga plugin, so HTTP, SSE and graphql-ws (which parses and
 * validates through `yoga.getEnveloped`) are all covered. Put it after every
 * plugin that replaces the validation function or the request parser, so
 * that it wraps theirs (Yoga's own parsers come before any plugin given).
 */
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, contractError } from '../errors.js';

/** True for V8's "Maximum call stack size exceeded". */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

const tooDeep = (): GraphQLError => contractError(ErrorCode.BAD_USER_INPUT, 'The document is nested too deeply to be read.');

/** Refuses documents deeper than the stack, and parameters that are not JSON, as BAD_USER_INPUT. */
export function useInputGuard(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw contractError(ErrorCode.BAD_USER_INPUT, 'The "variables" and "extensions" parameters must be JSON.', { http: { status: 400 } });
        }
      });
    },
    onParse() {
      // The orchestrator catches what the parser throws and hands it to this hook.
      return ({ result, replaceParseResult }) => {
        if (isStackOverflow(result)) replaceParseResult(tooDeep());
      };
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((...args) => {
        try {
          return validateFn(...args);
        } catch (error) {
          if (isStackOverflow(error)) return [tooDeep()];
          throw error;
        }
      });
    },
  };
}
