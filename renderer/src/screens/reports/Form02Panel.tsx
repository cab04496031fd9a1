import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveView } from '../../../../shared/contract/index';
import { ExportButtons } from './ExportButtons';

/** Form 02 by drive, company and days, exported as XLSX, CSV or PDF. */
export function Form02Panel({ drives }: { drives: DriveView[] }) {
  const { t } = useTranslation('reports');
  const [driveId, setDriveId] = useState('');
  const [companyId, setCompanyId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const drive = drives.find((d) => d.id === driveId);
  const ready = !!driveId || (!!from && !!to);
  return (
    <div data-testid="form02-panel">
      <p className="muted">{t('form02.help')}</p>
      <div className="row-inline">
        <label className="field">
          <span>{t('form02.drive')}</span>
          <select value={driveId} data-testid="form02-drive" onChange={(e) => (setDriveId(e.target.value), setCompanyId(''))}>
            <option value="">{t('form02.anyDrive')}</option>
            {drives.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('form02.company')}</span>
          <select value={companyId} data-testid="form02-company" disabled={!drive} onChange={(e) => setCompanyId(e.target.value)}>
            <option value="">{t('form02.anyCompany')}</option>
            {drive?.companies.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('form02.from')}</span><input type="date" value={from} data-testid="form02-from" onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="field"><span>{t('form02.to')}</span><input type="date" value={to} data-testid="form02-to" onChange={(e) => setTo(e.target.value)} /></label>
      </div>
      <ExportButtons
        testId="form02-export"
        request={ready ? { form: 'form02', ...(driveId ? { driveId } : {}), ...(companyId ? { companyId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) } : null}
      />
    </div>
  );
}
