import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn } from 'aws-amplify/auth';

/**
 * Amplify 6 as the token source of the other recipes. Against the embedded
 * emulator, point `userPoolEndpoint` at it (`npm run token` prints where it
 * is) and sign in with `USER_PASSWORD_AUTH`: the emulator has no SRP,
 * Amplify's default, and no refresh-token grant, so sign in again when a
 * token expires there. Against Cognito, leave both out.
 */
export function configureAmplify(options: { userPoolId: string; userPoolClientId: string; userPoolEndpoint?: string }): void {
  Amplify.configure({ Auth: { Cognito: { ...options } } });
}

/** Signs in; `local` uses the flow the embedded emulator supports. */
export async function signInTo(username: string, password: string, local: boolean): Promise<void> {
  await signIn({ username, password, ...(local ? { options: { authFlowType: 'USER_PASSWORD_AUTH' as const } } : {}) });
}

/** The access token (not the ID token) every request to the service carries; Amplify refreshes it when due. */
export async function getToken(): Promise<string> {
  const { tokens } = await fetchAuthSession();
  if (!tokens?.accessToken) throw new Error('Not signed in');
  return tokens.accessToken.toString();
}
