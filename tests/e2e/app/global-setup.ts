import { ensureRendererBuilt } from '../../../electron/cli/build-renderer';

export default async function globalSetup(): Promise<void> {
  await ensureRendererBuilt(new URL('../../..', import.meta.url).pathname);
}
