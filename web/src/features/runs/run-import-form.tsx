import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Run } from '../../../../src/contracts/runs.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { toApiError, type ApiError } from '../../api/api-error.ts';
import { runsApi, type ImportFormat } from '../../api/runs.ts';
import type { Upload, UploadProgress as Progress } from '../../api/upload.ts';
import { Alert } from '../../ui/alert.tsx';
import { formatBytes } from '../../ui/bytes.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { Field } from '../../ui/field.tsx';
import { ZoneSelect } from '../zones/zone-select.tsx';
import { FORMAT_ACCEPT, IMPORT_FORMATS } from './formats.ts';
import { UploadProblem } from './upload-problem.tsx';
import { UploadProgress } from './upload-progress.tsx';

/** The server names a query parameter either plainly or as querystring.<name>. */
function queryFieldError(error: ApiError | undefined, name: string): string | undefined {
  return error?.fieldMessage(name) ?? error?.fieldMessage(`querystring.${name}`);
}

export function RunImportForm({ zones, initialZone }: { zones: readonly Zone[]; initialZone: string }) {
  const navigate = useNavigate();
  const fileId = useId();
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const [zone, setZone] = useState(initialZone);
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [introducedIn, setIntroducedIn] = useState('');
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<ApiError>();
  const [unchanged, setUnchanged] = useState<Run>();
  const upload = useRef<Upload<unknown>>(undefined);
  useEffect(() => () => upload.current?.abort(), []);

  function choose(f: File | undefined) {
    setFile(f);
    setError(undefined);
    setUnchanged(undefined);
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    if (!progress) choose(e.dataTransfer.files[0]);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file || progress) return;
    setError(undefined);
    setUnchanged(undefined);
    const u = runsApi.upload(file, {
      format, ...(zone ? { zone } : {}), ...(introducedIn.trim() ? { introducedIn: introducedIn.trim() } : {}),
    }, setProgress);
    upload.current = u;
    try {
      const result = await u.done;
      if (result.unchanged) setUnchanged(result.run);
      else void navigate(`/runs/${encodeURIComponent(result.run.id)}`, { state: { imported: true } });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      upload.current = undefined;
      setProgress(undefined);
    }
  }

  const formatHint = IMPORT_FORMATS.find((f) => f.value === format)?.hint;
  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate aria-label="Import results">
      <div className={`dropzone${dragging ? ' is-dragging' : ''}${file ? ' has-file' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)} onDrop={drop}>
        <label htmlFor={fileId} className="dropzone-label">
          <span className="dropzone-title">{file ? file.name : 'Drop a results file here'}</span>
          <span className="muted small">
            {file ? `${formatBytes(file.size)} · choose another or drop it here` : 'or click to choose one (promptfoo, garak, SARIF, generic, Inspect AI)'}
          </span>
        </label>
        <input id={fileId} type="file" className="dropzone-input" accept={FORMAT_ACCEPT} disabled={!!progress}
          aria-label="Results file" onChange={(e) => choose(e.target.files?.[0])} />
      </div>
      <div className="form-row">
        <Field label="Zone" error={queryFieldError(error, 'zone')}
          hint={zone ? 'Every finding of the file goes to this zone.' : 'Each finding goes to the zone of the first routing rule that matches; unmatched ones wait in Unrouted.'}>
          <ZoneSelect zones={zones} value={zone} onChange={setZone} empty="Route by rules" />
        </Field>
        <Field label="Format" hint={formatHint} error={queryFieldError(error, 'format')}>
          <select value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
            {IMPORT_FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </Field>
        <Field label="Introduced in" error={queryFieldError(error, 'introducedIn')}
          hint="Optional: the release or date (YYYY-MM-DD) that introduced these weaknesses, for time to detect.">
          <input type="text" value={introducedIn} onChange={(e) => setIntroducedIn(e.target.value)} placeholder="e.g. v2.4 or 2026-10-01" />
        </Field>
      </div>
      {progress && <UploadProgress progress={progress} onCancel={() => upload.current?.abort()} />}
      {error && error.problem.code !== 'aborted' && <UploadProblem error={error} />}
      {error?.problem.code === 'aborted' && <Alert tone="info">The upload was cancelled; nothing was imported.</Alert>}
      {unchanged && (
        <Alert tone="info" title="Nothing changed">
          <p>This exact file was already imported on {formatDateTime(unchanged.importedAt)} — nothing changed.</p>
          <p><Link to={`/runs/${encodeURIComponent(unchanged.id)}`}>Open that run</Link></p>
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!file || !!progress}>
          {progress ? (progress.phase === 'processing' ? 'Processing…' : 'Uploading…') : 'Import'}
        </button>
        {!progress && <Link to="/runs" className="btn">Back to runs</Link>}
      </div>
    </form>
  );
}
