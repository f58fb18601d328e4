import type { Run, RunDetail, RunFinding, RunFindingList, RunImportResult } from '../../../src/contracts/runs.ts';
import { request } from './client.ts';
import { uploadFile, type UploadProgress } from './upload.ts';

export type Outcome = RunFinding['outcome'];
export type ImportFormat = 'auto' | 'promptfoo' | 'garak' | 'sarif' | 'generic' | 'inspect';

export interface RunImportOptions {
  zone?: string;
  format: ImportFormat;
  introducedIn?: string;
}

const runPath = (id: string) => `/runs/${encodeURIComponent(id)}`;

export const runsApi = {
  list: (query: { zone?: string; limit?: number; offset?: number }) => request<{ items: Run[] }>('/runs', { query: { ...query } }),
  get: (id: string) => request<RunDetail>(runPath(id)),
  findings: (id: string, query: { outcome?: Outcome; limit?: number; offset?: number }) =>
    request<RunFindingList>(`${runPath(id)}/findings`, { query: { ...query } }),
  /** Sends the file as the raw body; the server parses and merges it once it has all of it. */
  upload: (file: File, options: RunImportOptions, onProgress: (p: UploadProgress) => void) =>
    uploadFile<RunImportResult>('/runs', file, {
      fileName: file.name, zone: options.zone, format: options.format, introducedIn: options.introducedIn,
    }, onProgress),
};
