/**
 * Signing in against Cognito directly from the browser: the `InitiateAuth`
 * API with the `USER_PASSWORD_AUTH` flow, one JSON POST (what the AWS SDK or
 * Amplify send for you). Here it goes to the embedded emulator; against AWS
 * the endpoint is `https://cognito-idp.<region>.amazonaws.com/` and the app
 * client must allow `ALLOW_USER_PASSWORD_AUTH` (or use SRP through a library).
 */

/** The tokens Cognito answers with. */
export interface CognitoTokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

/** A refusal from Cognito: `name` is its exception, e.g. `NotAuthorizedException`. */
export class CognitoError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

/** Signs `username` in with their password; throws a {@link CognitoError} when Cognito refuses. */
export async function signIn(endpoint: string, clientId: string, username: string, password: string): Promise<CognitoTokens> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  const body = (await response.json()) as {
    AuthenticationResult?: { AccessToken: string; IdToken: string; RefreshToken?: string; ExpiresIn: number };
    ChallengeName?: string;
    __type?: string;
    message?: string;
  };
  if (!response.ok) {
    // Cognito names the exception in `__type`, at AWS as `<namespace>#<name>`.
    const name = body.__type?.split('#').pop() || 'CognitoError';
    throw new CognitoError(name, body.message ?? `Cognito answered ${response.status}`);
  }
  const result = body.AuthenticationResult;
  if (!result) throw new CognitoError('ChallengeRequired', `Cognito asks for ${body.ChallengeName ?? 'a challenge'}, which this page does not answer`);
  return { accessToken: result.AccessToken, idToken: result.IdToken, expiresIn: result.ExpiresIn, ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}) };
}
