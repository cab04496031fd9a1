import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveView, TeamView } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { ExportButtons } from './ExportButtons';

const emptyMember = () => ({ fullName: '', position: '', phone: '' });

/** Form 01: a company's outreach teams and their members, entered here and exported. */
export function Form01Panel({ drives }: { drives: DriveView[] }) {
  const { t } = useTranslation('reports');
  const client = useKiosk();
  const [companyId, setCompanyId] = useState('');
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!companyId) return setTeams([]);
    void client.call('form01.get', { companyId }).then((r) => (r.ok ? setTeams(r.value.teams) : setMessage({ error: true, text: errorMessage(t, r.error) })));
  }, [client, companyId, t]);
  const editTeam = (i: number, patch: Partial<TeamView>) => setTeams(teams.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const editMember = (i: number, m: number, patch: Partial<TeamView['members'][number]>) =>
    editTeam(i, { members: teams[i]!.members.map((x, k) => (k === m ? { ...x, ...patch } : x)) });
  const save = async () => {
    const r = await client.call('form01.save', { companyId, teams });
    if (r.ok) setTeams(r.value.teams);
    setMessage(r.ok ? { error: false, text: t('form01.saved', { count: r.value.teams.length }) } : { error: true, text: errorMessage(t, r.error) });
  };
  const open = drives.find((d) => d.companies.some((c) => c.id === companyId))?.state === 'open';
  return (
    <div data-testid="form01-panel">
      <label className="field">
        <span>{t('form01.company')}</span>
        <select value={companyId} data-testid="form01-company" onChange={(e) => setCompanyId(e.target.value)}>
          <option value="">{t('form01.choose')}</option>
          {drives.map((d) => (
            <optgroup key={d.id} label={d.name}>
              {d.companies.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      {companyId && (
        <>
          {teams.map((team, i) => (
            <fieldset key={i} className="team" data-testid="form01-team">
              <legend>{t('form01.team', { n: i + 1 })}</legend>
              <div className="row-inline">
                <label className="field"><span>{t('form01.teamName')}</span><input value={team.teamName} disabled={!open} data-testid="form01-team-name" onChange={(e) => editTeam(i, { teamName: e.target.value })} /></label>
                <label className="field"><span>{t('form01.note')}</span><input value={team.note} disabled={!open} onChange={(e) => editTeam(i, { note: e.target.value })} /></label>
              </div>
              {team.members.map((m, k) => (
                <div className="row-inline" key={k} data-testid="form01-member">
                  <label className="field"><span>{t('form01.fullName')}</span><input value={m.fullName} disabled={!open} data-testid="form01-member-name" onChange={(e) => editMember(i, k, { fullName: e.target.value })} /></label>
                  <label className="field"><span>{t('form01.position')}</span><input value={m.position} disabled={!open} data-testid="form01-member-position" onChange={(e) => editMember(i, k, { position: e.target.value })} /></label>
                  <label className="field"><span>{t('form01.phone')}</span><input value={m.phone} inputMode="tel" disabled={!open} data-testid="form01-member-phone" onChange={(e) => editMember(i, k, { phone: e.target.value })} /></label>
                  {open && <button type="button" className="secondary" onClick={() => editTeam(i, { members: team.members.filter((_, x) => x !== k) })}>{t('form01.removeMember')}</button>}
                </div>
              ))}
              {open && (
                <div className="actions">
                  <button type="button" className="secondary" data-testid="form01-add-member" onClick={() => editTeam(i, { members: [...team.members, emptyMember()] })}>{t('form01.addMember')}</button>
                  <button type="button" className="secondary" onClick={() => setTeams(teams.filter((_, x) => x !== i))}>{t('form01.removeTeam')}</button>
                </div>
              )}
            </fieldset>
          ))}
          {open && (
            <div className="actions">
              <button type="button" className="secondary" data-testid="form01-add-team" onClick={() => setTeams([...teams, { teamName: '', note: '', members: [emptyMember()] }])}>{t('form01.addTeam')}</button>
              <button type="button" className="big" data-testid="form01-save" onClick={() => void save()}>{t('form01.save')}</button>
            </div>
          )}
          <ExportButtons request={{ form: 'form01', companyId }} testId="form01-export" />
        </>
      )}
      {message && <p className={message.error ? 'error' : 'help'} role={message.error ? 'alert' : 'status'} data-testid="form01-message">{message.text}</p>}
    </div>
  );
}
