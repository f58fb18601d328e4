import type { UploadProgress as Progress } from '../../api/upload.ts';
import { formatBytes } from '../../ui/bytes.ts';

/** How far the upload is, then that the server is processing the file. */
export function UploadProgress({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  const pct = progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  if (progress.phase === 'processing') {
    return (
      <div className="upload-progress" role="status" aria-live="polite">
        <div className="upload-progress-head">
          <span className="spinner" aria-hidden="true" />
          <strong>Processing…</strong>
          <span className="muted small">Uploaded {formatBytes(progress.total)}. Keel is reading the file and merging its findings.</span>
        </div>
        <div className="progress-track is-indeterminate" aria-hidden="true"><div className="progress-bar" /></div>
      </div>
    );
  }
  return (
    <div className="upload-progress">
      <div className="upload-progress-head">
        <strong>Uploading… {pct}%</strong>
        <span className="muted small" aria-live="polite">{formatBytes(progress.loaded)} of {formatBytes(progress.total)}</span>
        <button type="button" className="btn btn-small" onClick={onCancel}>Cancel</button>
      </div>
      <div className="progress-track" role="progressbar" aria-label="Upload progress"
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}% uploaded`}>
        <div className="progress-bar" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
