// Builds the two test pages once: the PAD page (renderer/src/liveness/pad) and the PortraitStep
// harness (renderer/src/screens/portrait/dev). Both include the wasm runtime and the model.
import { build } from 'vite';
import { PAD_CONFIG } from '../../../electron/cli/pad-eval/page';
import { PORTRAIT_CONFIG } from './support';

export default async function globalSetup(): Promise<void> {
  await build({ configFile: PAD_CONFIG, logLevel: 'warn' });
  await build({ configFile: PORTRAIT_CONFIG, logLevel: 'warn' });
}
