/**
 * GraphiQL in embedded mode: opens signed in as alice (the demo admin), with
 * an example document. Never used with a real Cognito.
 */
import type { GraphiQLOptions } from 'graphql-yoga';
import type { DemoTokens } from './seed.js';

/** The document GraphiQL opens with. */
export const EXAMPLE_DOCUMENT = /* GraphQL */ `# Signed in as alice (an administrator of the demo pool).
# Run "Me", then try the other operations below.

query Me {
  me {
    username
    sub
    attributes { name value }
    plan: attribute(name: "custom:plan")
  }
}

mutation UpdateMyPlan {
  updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: "enterprise" }] }) {
    user { attributes { name value } }
    codeDeliveries { attributeName deliveryMedium destination }
  }
}

mutation RequestEmailCode {
  requestAttributeVerificationCode(input: { attributeName: "email" }) {
    codeDelivery { attributeName deliveryMedium destination }
  }
}

# The code is printed in the service's log ("mailbox: verification code ...").
mutation VerifyEmail {
  verifyMyAttribute(input: { attributeName: "email", code: "000000" }) {
    user { attribute(name: "email_verified") }
  }
}

query Bob {
  user(username: "bob") { username status enabled createdAt updatedAt attributes { name value } }
}

query ManyUsers {
  users(usernames: ["alice", "bob", "nobody"]) { username }
}

mutation AdminUpdateBob {
  adminUpdateUserAttributes(input: { username: "bob", attributes: [{ name: "custom:seats", value: "5" }] }) {
    user { attribute(name: "custom:seats") }
  }
}

mutation AdminDeleteBobsPhone {
  adminDeleteUserAttributes(input: { username: "bob", names: ["phone_number"] }) {
    user { attributes { name value } }
  }
}

query PoolSchema {
  userPool { id name customAttributes { name dataType mutable minLength maxLength minValue maxValue } }
}

mutation AddCustomAttribute {
  addCustomAttributes(input: { attributes: [{ name: "team", dataType: STRING, maxLength: 64 }] }) {
    userPool { customAttributes { name dataType } }
  }
}
`;

/** GraphiQL's options, with a fresh token of alice in the Authorization header. */
export function createGraphiQLOptions(tokens: DemoTokens): () => Promise<GraphiQLOptions> {
  return async () => {
    const headers = JSON.stringify({ Authorization: `Bearer ${await tokens.tokenFor('alice')}` }, null, 2);
    return {
      title: 'Cognito attributes (embedded demo)',
      defaultQuery: EXAMPLE_DOCUMENT,
      headers,
      defaultHeaders: headers,
      // A stored header would hold yesterday's token after a restart.
      shouldPersistHeaders: false,
    };
  };
}
