import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract/index';
import type { KioskClient } from './client';
import type { ConnectionState } from './transport';

const KioskContext = createContext<KioskClient | null>(null);

export function KioskProvider({ client, children }: { client: KioskClient; children: ReactNode }) {
  return <KioskContext.Provider value={client}>{children}</KioskContext.Provider>;
}

export function useKiosk(): KioskClient {
  const c = useContext(KioskContext);
  if (!c) throw new Error('useKiosk outside KioskProvider');
  return c;
}

/** The latest payload of a host event (or the initial value until the first one arrives). */
export function useHostEvent<E extends EventName>(name: E, initial: EventPayload<E> | null): EventPayload<E> | null {
  const client = useKiosk();
  const [value, setValue] = useState(initial);
  useEffect(() => client.on(name, setValue), [client, name]);
  return value;
}

export function useConnectionState(): ConnectionState {
  const client = useKiosk();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => client.onConnection(setState), [client]);
  return state;
}
