/** EF.COM for the virtual card: LDS 1.7, Unicode 4.0.0, the tags of the data groups present. */
import { DG_TAGS } from '../../card/icao/lds/com';
import { app, appPrimitive, ascii, der } from './der-build';

export function buildCom(dataGroups: number[], ldsVersion = '0107', unicodeVersion = '040000'): Uint8Array {
  const tags = dataGroups.map((n) => DG_TAGS[n]).filter((t): t is number => t !== undefined);
  return der(app(0, [appPrimitive(1, ascii(ldsVersion)), appPrimitive(54, ascii(unicodeVersion)), appPrimitive(28, new Uint8Array(tags))]));
}
