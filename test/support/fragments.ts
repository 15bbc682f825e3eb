/**
 * Selection sets the tests share, as fragments: a user as every caller may
 * see them, and what a change event says besides its user. An operation
 * spreads one by name (`...UserFields`); codegen (`npm run codegen`) reads
 * this file with the tests' documents and puts each used fragment's
 * definition into the operation's typed document, so nothing imports it.
 * (It is not under test/gql/: the client preset reads no documents inside
 * its own output folder.)
 */
import { graphql } from '../gql/index.js';

/** The fields of a user every signed-in caller may read. */
export const UserFields = graphql(`
  fragment UserFields on User {
    username
    sub
    userPoolId
    attributes {
      name
      value
    }
  }
`);

/** What an `AttributeChange` says besides its user. */
export const ChangeFields = graphql(`
  fragment ChangeFields on AttributeChange {
    updated {
      name
      value
    }
    deleted
    source
    occurredAt
  }
`);
