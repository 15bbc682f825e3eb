/** What `updateProfile` answers: the user after the update, and what the caller should know. */
export interface ProfileUpdate {
  user: {
    id: string; // stable: Apollo's and urql's caches normalize on it with their defaults
    attributes: { name: string; value: string }[];
    pendingChanges: { name: string; value: string }[]; // a new email waiting for its code
  };
  codeDeliveries: { attributeName: string; deliveryMedium: 'EMAIL' | 'SMS'; destination: string }[];
  staleTokenClaims: string[];
}

const UPDATE = /* GraphQL */ `
  mutation UpdateProfile($attributes: [AttributeInput!]!) {
    updateMyAttributes(input: { attributes: $attributes }) {
      user { id attributes { name value } pendingChanges { name value } }
      codeDeliveries { attributeName deliveryMedium destination }
      staleTokenClaims
    }
  }
`;

/**
 * Sets the signed-in user's attributes. When the change made claims of the
 * ID token stale, refreshes the tokens (with Amplify:
 * `() => fetchAuthSession({ forceRefresh: true })`), so the app's view of
 * the ID token agrees with the profile. A new email that waits for its code
 * changes no claim: `pendingChanges` shows it, `codeDeliveries` says where
 * the code went, and `attributes` keeps the address the user signs in with.
 */
export async function updateProfile(options: {
  url: string; // https://…/graphql
  getToken: () => Promise<string>; // the current access token
  refreshTokens: () => Promise<unknown>;
  attributes: { name: string; value: string }[];
}): Promise<ProfileUpdate> {
  const response = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.getToken()}` },
    body: JSON.stringify({ query: UPDATE, variables: { attributes: options.attributes } }),
  });
  const { data, errors } = (await response.json()) as { data?: { updateMyAttributes: ProfileUpdate }; errors?: { message: string; extensions?: { code?: string } }[] };
  if (!data) throw new Error(`${errors?.[0]?.extensions?.code ?? response.status}: ${errors?.[0]?.message ?? 'no data'}`);
  const update = data.updateMyAttributes;
  if (update.staleTokenClaims.length > 0) await options.refreshTokens();
  return update;
}
