import type { SupervisorConfirmed } from '../../components/SupervisorConfirm';
import type { LivenessEvidence } from '../../liveness/evidence';
import type { QualityCheck } from '../../liveness/quality';

export interface QualityReportEntry {
  check: QualityCheck['id'];
  ok: boolean;
  measures: { name: string; value: number }[];
}

export interface PortraitResult {
  /** ICAO token portrait, 480x640 JPEG. */
  jpeg: Blob;
  width: 480;
  height: 640;
  capturedAt: string;
  /** Every check with its ISO/IEC 29794-5 / OFIQ-named measures, at the captured frame. */
  quality: QualityReportEntry[];
  /** Compact liveness timeline + verdict for the dossier. */
  liveness: LivenessEvidence;
  /** Liveness sessions this portrait took (failed ones plus the one that passed). */
  attempts: number;
}

export interface PortraitStepProps {
  /** The chip (DG2) portrait, shown side by side at review. Needs to be loadable under img-src. */
  chipPortraitUrl?: string;
  /** Test only: fixes the challenge order and pauses, and analyses every camera frame (the tests' camera is a recorded clip). */
  seed?: number;
  onDone(result: PortraitResult): void;
  onCancel(): void;
  /** Opens the camera the kiosk allows; default: the browser's default camera. */
  openCamera?: () => Promise<MediaStream>;
  /** Forget the remembered camera so another one can be used (offered when it is missing). */
  onUseOtherCamera?: () => Promise<void>;
  /** In the intake: the supervisor's actions after the last failed attempt (one more, or end the intake). */
  supervisor?: { dossierId?: string; onEndIntake(reason: string): void; onGranted?(c: SupervisorConfirmed): void };
}
