import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { DevicePanel } from '../../components/DevicePanel';
import { TodayCount } from '../../components/TodayCount';
import { IntakeFlow } from '../intake/IntakeFlow';
import { ResumeList } from './ResumeList';
import { TrustScreen } from '../trust/TrustScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { StationNameForm } from '../settings/StationNameForm';
import { ApprovalQueue } from '../approval/ApprovalQueue';
import { QueueScreen } from '../queue/QueueScreen';
import { can } from '../../../../shared/domain/roles';
import { CompanySwitch } from '../reports/CompanySwitch';
import { ReportsScreen } from '../reports/ReportsScreen';

/** What a signed-in officer works in. Unmounted whole on sign-out or the idle lock. */
export function Workspace({ officer, seed, station, onStationNamed }: { officer: OfficerView; seed: number | undefined; station: string | null; onStationNamed(name: string): void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [screen, setScreen] = useState<'home' | 'intake' | 'trust' | 'approval' | 'queue' | 'settings' | 'reports'>('home');
  const [intakeKey, setIntakeKey] = useState(0);
  /** Bumped on each submission: today's count beside the officer's name follows it. */
  const [submissions, setSubmissions] = useState(0);
  /** The saved dossier the intake opens (a draft to finish, a returned one to correct), or none for a new citizen. */
  const [resumeId, setResumeId] = useState<string | undefined>(undefined);
  const openIntake = (id?: string) => {
    setResumeId(id);
    setIntakeKey((k) => k + 1);
    setScreen('intake');
  };
  return (
    <>
      <div className="officer-bar" data-testid="officer-bar">
        <span>
          <span data-testid="signed-in-as">{t('auth.signedInAs', { name: officer.displayName, role: t(`auth.role.${officer.role}`) })}</span>
          {can(officer.role, 'queue.own') && <>{' · '}<TodayCount refresh={`${screen}-${intakeKey}-${submissions}`} /></>}
        </span>
        <button type="button" className="secondary" data-testid="sign-out" onClick={() => void client.call('auth.signOut')}>
          {t('auth.signOut')}
        </button>
      </div>
      {screen === 'home' ? (
        <>
          {station === null && can(officer.role, 'settings') && <StationNameForm prompt current={null} onNamed={onStationNamed} />}
          {can(officer.role, 'intake') && <CompanySwitch />}
          <section className="panel start">
            <p className="lead">{t('app.subtitle')}</p>
            <p className="muted">{t('home.startHelp')}</p>
            <button type="button" className="big" data-testid="start-intake" onClick={() => openIntake()}>
              {t('home.start')}
            </button>
          </section>
          {can(officer.role, 'intake') && <ResumeList officer={officer} onResume={openIntake} />}
          {can(officer.role, 'approve') && (
            <section className="panel">
              <button type="button" className="big" data-testid="open-approval" onClick={() => setScreen('approval')}>{t('approval.open')}</button>
            </section>
          )}
          {can(officer.role, 'queue.own') && (
            <section className="panel">
              <button type="button" className="big" data-testid="open-queue" onClick={() => setScreen('queue')}>{t('queue:open')}</button>
            </section>
          )}
          <DevicePanel />
          <button type="button" className="secondary" data-testid="open-trust" onClick={() => setScreen('trust')}>{t('trust.open')}</button>
          {can(officer.role, 'drives') && <button type="button" className="secondary" data-testid="open-reports" onClick={() => setScreen('reports')}>{t('reports:open')}</button>}
          {can(officer.role, 'settings') && <button type="button" className="secondary" data-testid="open-settings" onClick={() => setScreen('settings')}>{t('settings:open')}</button>}
        </>
      ) : screen === 'approval' ? (
        <ApprovalQueue onBack={() => setScreen('home')} />
      ) : screen === 'queue' ? (
        <QueueScreen officer={officer} onBack={() => setScreen('home')} onResume={openIntake} />
      ) : screen === 'reports' ? (
        <ReportsScreen onBack={() => setScreen('home')} />
      ) : screen === 'settings' ? (
        <SettingsScreen station={station} onStationNamed={onStationNamed} onBack={() => setScreen('home')} />
      ) : screen === 'trust' ? (
        <TrustScreen onBack={() => setScreen('home')} />
      ) : (
        <IntakeFlow key={intakeKey} station={station} onExit={() => setScreen('home')} onNext={() => openIntake()} onSubmitted={() => setSubmissions((n) => n + 1)} {...(resumeId ? { resumeId } : {})} {...(seed !== undefined ? { seed } : {})} />
      )}
    </>
  );
}
