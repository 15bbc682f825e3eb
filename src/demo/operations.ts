/**
 * Every operation the live profile page sends. `graphql()` comes from
 * `./gql/`, which `npm run codegen` generates from these strings and the
 * schema: each constant is a `TypedDocumentNode`, so its result and its
 * variables are typed wherever it is used (see `./client.ts`).
 */
import { graphql } from './gql/index.js';

/** What the page shows of a user; every operation below returns it. */
export const ProfileMe = graphql(`
  query ProfileMe {
    me {
      username
      sub
      attributes {
        name
        value
      }
      pendingChanges {
        name
        value
      }
    }
  }
`);

export const ProfileUpdate = graphql(`
  mutation ProfileUpdate($attributes: [AttributeInput!]!) {
    updateMyAttributes(input: { attributes: $attributes }) {
      user {
        attributes {
          name
          value
        }
        pendingChanges {
          name
          value
        }
      }
      codeDeliveries {
        attributeName
        deliveryMedium
        destination
      }
    }
  }
`);

export const ProfileDelete = graphql(`
  mutation ProfileDelete($names: [String!]!) {
    deleteMyAttributes(input: { names: $names }) {
      user {
        attributes {
          name
          value
        }
        pendingChanges {
          name
          value
        }
      }
    }
  }
`);

export const ProfileRequestCode = graphql(`
  mutation ProfileRequestCode($attributeName: String!) {
    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {
      codeDelivery {
        attributeName
        deliveryMedium
        destination
      }
    }
  }
`);

export const ProfileVerify = graphql(`
  mutation ProfileVerify($attributeName: String!, $code: String!) {
    verifyMyAttribute(input: { attributeName: $attributeName, code: $code }) {
      user {
        attributes {
          name
          value
        }
        pendingChanges {
          name
          value
        }
      }
    }
  }
`);

/** Every change to the signed-in user's attributes, whoever made it (another tab, an administrator, someone outside the service); `after` resumes after a reconnect. */
export const ProfileChanges = graphql(`
  subscription ProfileChanges($after: String) {
    myAttributesChanged(after: $after) {
      cursor
      source
      occurredAt
      updated {
        name
        value
      }
      deleted
      pending {
        name
        value
      }
      user {
        attributes {
          name
          value
        }
        pendingChanges {
          name
          value
        }
      }
    }
  }
`);
