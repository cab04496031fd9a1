import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessInput } from '../../../../shared/contract/card';
import type { CccdQr } from '../../../../shared/domain/cccd-qr';
import { errorMessage } from '../../i18n/error-message';
import { QrCameraScanner } from './qr-camera/QrCameraScanner';
import { accessFromManual, accessFromQr, parseCccdQr, type FieldErrors, type ManualFields } from './access';

export interface ManualIdentityFields extends ManualFields {
  fullName: string;
  sex: '' | 'M' | 'F';
}

interface Props {
  onRead(access: AccessInput, qr: CccdQr | null, typed: ManualIdentityFields | null): void;
  onUseQr(qr: CccdQr): void;
  onUseManual(fields: ManualIdentityFields): void;
  /** Changes when the step asks for the typed-data fallback (a failed read of typed data). */
  toManual?: number;
}

const TABS = ['qr', 'manual'] as const;

const EMPTY: ManualIdentityFields = { idNumber: '', dateOfBirth: '', dateOfExpiry: '', noExpiry: false, fullName: '', sex: '' };

/** How the chip gets opened: a scanned QR code (keyboard-wedge scanner) or typed data. */
export function AccessForm({ onRead, onUseQr, onUseManual, toManual = 0 }: Props) {
  const { t } = useTranslation('card');
  const { t: tc } = useTranslation();
  const [tab, setTab] = useState<'qr' | 'manual'>('qr');
  const [raw, setRaw] = useState('');
  const [qr, setQr] = useState<CccdQr | null>(null);
  const [qrError, setQrError] = useState<string | null>(null);
  const [fields, setFields] = useState<ManualIdentityFields>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [needName, setNeedName] = useState(false);
  const [camera, setCamera] = useState(false);
  /** Twelve digits in the QR field: an ID number typed (or scanned from the front) by mistake. */
  const [typedId, setTypedId] = useState<string | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const tabRefs = useRef<Record<(typeof TABS)[number], HTMLButtonElement | null>>({ qr: null, manual: null });

  useEffect(() => {
    if (toManual === 0) return;
    setTab('manual');
    setManualOpen(true);
  }, [toManual]);

  /** The WAI-ARIA tabs pattern: arrows, Home and End move between the tabs and select them. */
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length]
      : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const accept = (text: string) => {
    const digits = text.replace(/[\s.-]/g, '');
    if (/^\d{12}$/.test(digits)) {
      setQr(null);
      setQrError(null);
      return setTypedId(digits);
    }
    setTypedId(null);
    const r = parseCccdQr(text);
    if (r.ok) {
      setQr(r.value);
      setQrError(null);
    } else {
      setQr(null);
      setQrError(errorMessage(tc, r.error));
    }
  };

  const scan = (e: FormEvent) => {
    e.preventDefault();
    accept(raw);
  };

  const fromCamera = (text: string) => {
    setCamera(false);
    setRaw(text);
    accept(text);
  };

  const submitManual = (e: FormEvent) => {
    e.preventDefault();
    const r = accessFromManual(fields);
    setErrors(r.errors);
    if (r.access) onRead(r.access, null, fields);
  };

  const manualOnly = () => {
    const r = accessFromManual(fields);
    setErrors(r.errors);
    const named = fields.fullName.trim() !== '' && fields.sex !== '';
    setNeedName(!named);
    if (r.access && named && fields.dateOfBirth) onUseManual(fields);
  };

  const field = (key: 'idNumber' | 'dateOfBirth' | 'dateOfExpiry' | 'fullName', inputMode: 'numeric' | 'text' = 'numeric') => (
    <label className="field">
      <span>{t(`access.${key}`)}</span>
      <input
        name={key}
        inputMode={inputMode}
        autoComplete="off"
        value={fields[key]}
        disabled={key === 'dateOfExpiry' && fields.noExpiry}
        aria-invalid={Boolean(errors[key as keyof FieldErrors])}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
      {errors[key as keyof FieldErrors] && <span className="error">{t(errors[key as keyof FieldErrors]!)}</span>}
    </label>
  );

  return (
    <div className="access-form">
      <p>{t('access.intro')}</p>
      <div className="tabs" role="tablist" aria-label={t('access.tabsLabel')}>
        {TABS.map((k) => (
          <button
            key={k}
            ref={(el) => { tabRefs.current[k] = el; }}
            type="button"
            role="tab"
            id={`access-tab-${k}`}
            aria-controls={`access-panel-${k}`}
            aria-selected={tab === k}
            tabIndex={tab === k ? 0 : -1}
            className={tab === k ? '' : 'secondary'}
            onClick={() => setTab(k)}
            onKeyDown={onTabKey}
          >
            {t(k === 'qr' ? 'access.tabQr' : 'access.tabManual')}
          </button>
        ))}
      </div>
      {tab === 'qr' ? (
        <form onSubmit={scan} className="panel" role="tabpanel" id="access-panel-qr" aria-labelledby="access-tab-qr">
          <p className="muted">{t('access.qrHelp')}</p>
          <label className="field">
            <span>{t('access.qrField')}</span>
            <input name="qr" autoFocus autoComplete="off" value={raw} onChange={(e) => setRaw(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" className="secondary" disabled={raw.trim() === ''}>{t('access.qrUse')}</button>
            {!camera && (
              <button type="button" className="secondary" data-testid="qr-camera-open" onClick={() => setCamera(true)}>{t('qrCamera.open')}</button>
            )}
          </div>
          {camera && <QrCameraScanner onText={fromCamera} onClose={() => setCamera(false)} />}
          {qrError && <p className="error" role="alert">{qrError}</p>}
          {typedId && (
            <div className="notice" role="status" data-testid="qr-typed-id">
              <p>{t('access.qrIsIdNumber', { id: typedId })}</p>
              <div className="actions">
                <button type="button" data-testid="qr-typed-id-read" onClick={() => onRead({ idNumber: typedId }, null, null)}>{t('access.readChipWithId')}</button>
              </div>
            </div>
          )}
          {qr && (
            <>
              <p className="ok" data-testid="qr-scanned">{t('access.qrScanned', { name: qr.fullName, id: qr.idNumber })}</p>
              <div className="actions">
                <button type="button" onClick={() => onRead(accessFromQr(qr), qr, null)}>{t('access.readChip')}</button>
                <button type="button" className="secondary" onClick={() => onUseQr(qr)}>{t('access.useWithoutChip')}</button>
              </div>
            </>
          )}
        </form>
      ) : (
        <form onSubmit={submitManual} className="panel" role="tabpanel" id="access-panel-manual" aria-labelledby="access-tab-manual">
          {field('idNumber')}
          {field('dateOfBirth')}
          {field('dateOfExpiry')}
          <label className="check big-check">
            <input type="checkbox" name="noExpiry" checked={fields.noExpiry} onChange={(e) => setFields({ ...fields, noExpiry: e.target.checked })} />
            {t('access.noExpiry')}
          </label>
          <div className="actions">
            <button type="submit">{t('access.readChip')}</button>
          </div>
          <details open={manualOpen} onToggle={(e) => setManualOpen(e.currentTarget.open)}>
            <summary>{t('access.useManualOnly')}</summary>
            {field('fullName', 'text')}
            <label className="field">
              <span>{t('access.sex')}</span>
              <select name="sex" value={fields.sex} onChange={(e) => setFields({ ...fields, sex: e.target.value as ManualIdentityFields['sex'] })}>
                <option value="" />
                <option value="M">{t('access.sexM')}</option>
                <option value="F">{t('access.sexF')}</option>
              </select>
            </label>
            {needName && <p className="error">{t('access.manualNeedsName')}</p>}
            <button type="button" className="secondary" onClick={manualOnly}>{t('access.useManualOnly')}</button>
          </details>
        </form>
      )}
    </div>
  );
}
