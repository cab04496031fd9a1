import { useMemo } from 'react';
import { openAllowedCamera, type CameraPolicyClient } from '../liveness/allowed-camera';
import { useKiosk } from './context';

/** Opens the camera the host allows (remembering the first one used), and can forget the choice. */
export function useAllowedCamera(): { open: () => Promise<MediaStream>; forget: () => Promise<void> } {
  const client = useKiosk();
  return useMemo(() => {
    const policy: CameraPolicyClient = {
      allowedLabel: async () => {
        const r = await client.call('device.status');
        return r.ok ? r.value.camera.allowedDeviceLabel : null;
      },
      remember: async (label) => {
        await client.call('camera.setAllowed', { label: label.slice(0, 200) });
      },
    };
    return {
      open: () => openAllowedCamera(policy),
      forget: async () => {
        await client.call('camera.setAllowed', { label: null });
      },
    };
  }, [client]);
}
