import { useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { DriveView } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';

/** The drives as the host lists them, reloaded after each change. */
export function useDrives(t: TFunction) {
  const client = useKiosk();
  const [drives, setDrives] = useState<DriveView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const r = await client.call('drive.list');
    if (r.ok) setDrives(r.value.drives);
    setError(r.ok ? null : errorMessage(t, r.error));
  }, [client, t]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { drives, error, reload };
}
