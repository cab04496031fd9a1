/**
 * Report calls: exports (the bytes go back to the screen, which offers them as a download; the
 * host writes no file), statistics, the weekly summary and the citizen's receipt. The dispatcher
 * has checked the role; a receipt is the taking officer's (or any dossier's for a supervisor).
 */
import { can } from '../../../shared/domain/roles';
import type { HandlerTable } from '../bridge/dispatch';
import { HostError } from '../bridge/host-error';
import type { HostContext } from '../host-context';
import { exportForm } from '../reports/export';
import { receiptPdf } from '../reports/receipt';
import { receiptInfo, ReceiptUnavailable } from '../reports/receipt-data';
import { stats } from '../reports/stats';
import { weekly } from '../reports/weekly';
import { appendAudit } from '../store/audit';
import { DossierError, get } from '../store/dossiers';
import { actorId, driveErrors, driveErrorsAsync } from './drives';

type ReportChannels = 'report.export' | 'report.stats' | 'report.weekly' | 'receipt.pdf';

export function reportHandlers(ctx: HostContext): Pick<HandlerTable, ReportChannels> {
  const db = () => ctx.auth.db;
  const station = () => ctx.config.stationName;
  return {
    'report.export': async ({ request, format }) => {
      if (request.form === 'form02' && !request.driveId && !(request.from && request.to)) throw new HostError('report.empty_filter', 'a drive or a date range');
      const actor = actorId(ctx);
      const file = await driveErrorsAsync(() => exportForm(db(), actor, request, format, { station: station(), via: 'app' }));
      return { fileName: file.fileName, mime: file.mime, base64: file.bytes.toString('base64'), rows: file.rows };
    },
    'report.stats': (input) => {
      const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
      if (days > 366) throw new HostError('report.empty_filter', 'at most 366 days');
      return stats(db(), input);
    },
    'report.weekly': ({ driveId, weekEnding }) => driveErrors(() => weekly(db(), driveId, weekEnding)),
    'receipt.pdf': async ({ id, size }) => {
      const o = ctx.auth.officer();
      if (!o) throw new HostError('store.locked', 'Nobody is signed in.');
      let info;
      try {
        const row = get(db(), id);
        if (!can(o.role, 'queue.all') && row.officerId !== o.id) throw new DossierError('not_found');
        info = receiptInfo(db(), id, station());
      } catch (e) {
        if (e instanceof DossierError) throw new HostError('dossier.not_found', 'not found');
        if (e instanceof ReceiptUnavailable) throw new HostError('receipt.unavailable', 'no receipt for this dossier');
        throw e;
      }
      const bytes = await receiptPdf(info, size);
      // The receipt carries the citizen's name: who printed it, and when, is on the record.
      db().transaction(() => appendAudit(db(), { actor: o.id, action: 'receipt.printed', dossierId: id, detail: { size } })).immediate();
      return { fileName: `PhieuTiepNhan_${id}_${size}.pdf`, base64: bytes.toString('base64') };
    },
  };
}
