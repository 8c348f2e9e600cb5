import { handle } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/api/json-body';
import { requireUser } from '@/lib/auth/guard';
import { getDeployPanelState } from '@/lib/deploy/panel';
import { requestDeploy } from '@/lib/deploy/service';

export const dynamic = 'force-dynamic';

/** The target's deploys (newest first), the one in flight, and whether the reference can be deployed (viewer+). */
export const GET = handle(async (req: Request) => {
  await requireUser(req, 'viewer');
  return Response.json(await getDeployPanelState());
});

/** Deploys the reference (deployer+): 202 with the new deploy, 200 with the same one for a repeated client token, 409 while another runs. */
export const POST = handle(async (req: Request) => {
  const user = await requireUser(req, 'deployer');
  const { deploy, created } = await requestDeploy({ input: await readJsonBody(req, 4 * 1024), user });
  return Response.json({ deploy }, { status: created ? 202 : 200 });
});
