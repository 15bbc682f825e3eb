/**
 * A stand-in for AWS's GetProvisionedLimit (this machine cannot reach AWS),
 * on a real socket in front of the emulator (which has no such operation):
 * it answers GetProvisionedLimit itself, per category as the test says (a
 * rate, an exception, or no answer at all), and forwards everything else
 * (every other operation, the JWKS) to the emulator, counting what it saw.
 * Point a service's COGNITO_ENDPOINT at it; tokens then carry its issuer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CountingFront, operationOf } from './emulator-front.js';

/** How one category's GetProvisionedLimit is answered. */
export type LimitAnswer =
  /** `Limit.ProvisionedLimitValue` (and `FreeLimitValue`, Cognito's default). */
  | { provisioned: number; free: number }
  /** A Cognito exception in its JSON shape. */
  | { status: number; type: string; message: string }
  /** Accept and never answer. */
  | 'hang';

/** The stand-in; see the module's documentation. */
export class ProvisionedStub extends CountingFront {
  /** Category → answer; a category not here is refused with AccessDeniedException. */
  readonly limits = new Map<string, LimitAnswer>();
  /** The categories GetProvisionedLimit was asked for, in order. */
  readonly asked: string[] = [];

  /** Starts it on a free loopback port in front of `upstream` (the emulator's endpoint). */
  static async start(upstream: string): Promise<ProvisionedStub> {
    return new ProvisionedStub(upstream).listen();
  }

  protected override handle(req: IncomingMessage, res: ServerResponse): void {
    const operation = operationOf(req);
    if (operation) this.tally(operation);
    if (operation !== 'GetProvisionedLimit') {
      this.forward(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { LimitDefinition?: { LimitClass?: string; Attributes?: Record<string, string> } };
      const category = body.LimitDefinition?.Attributes?.Category ?? '';
      this.asked.push(category);
      const answer = this.limits.get(category) ?? {
        status: 400,
        type: 'AccessDeniedException',
        message: `User: arn:aws:iam::123456789012:user/secret-operator is not authorized to perform: cognito-idp:GetProvisionedLimit`,
      };
      if (answer === 'hang') return;
      const json = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'stub-1' };
      if ('provisioned' in answer) {
        res.writeHead(200, json).end(
          JSON.stringify({
            Limit: { LimitDefinition: body.LimitDefinition, ProvisionedLimitValue: answer.provisioned, FreeLimitValue: answer.free },
          }),
        );
      } else {
        res.writeHead(answer.status, json).end(JSON.stringify({ __type: answer.type, message: answer.message }));
      }
    });
  }
}
