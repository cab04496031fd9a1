import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllowedCamera } from '../../../bridge/useAllowedCamera';
import { CameraFailure, classifyCameraError, stopStream, type CameraError } from '../../../liveness/camera';
import { decodeQr } from './decode';

/** Reads the card's QR code from the webcam: live preview, a frame decoded every 250 ms. */
export function QrCameraScanner({ onText, onClose }: { onText(text: string): void; onClose(): void }) {
  const { t } = useTranslation('card');
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<CameraError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const camera = useAllowedCamera();

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const tick = async () => {
      const v = video.current;
      if (stopped || !v || v.readyState < 2) return;
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx || !canvas.width) return;
      ctx.drawImage(v, 0, 0);
      const text = await decodeQr(ctx.getImageData(0, 0, canvas.width, canvas.height)).catch(() => null);
      if (text && !stopped) {
        stopped = true;
        onText(text);
      }
    };
    camera
      .open()
      .then((s) => {
        stream = s;
        if (stopped) return stopStream(s);
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
        timer = window.setInterval(() => void tick(), 250);
      })
      .catch((e: unknown) => setProblem(e instanceof CameraFailure ? e.code : classifyCameraError(e)));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stopStream(stream);
    };
  }, [onText, attempt, camera]);

  return (
    <div className="qr-camera" data-testid="qr-camera">
      {problem ? (
        <div className="help" role="alert" data-testid="qr-camera-problem" data-problem={problem}>
          <p>{t(`qrCamera.problem_${problem}`)}</p>
          <button type="button" onClick={() => { setProblem(null); setAttempt((a) => a + 1); }}>{t('qrCamera.retry')}</button>
        </div>
      ) : (
        <>
          <video ref={video} muted playsInline className="qr-preview" />
          <p className="muted">{t('qrCamera.hint')}</p>
        </>
      )}
      <button type="button" className="secondary" onClick={onClose}>{t('qrCamera.close')}</button>
    </div>
  );
}
