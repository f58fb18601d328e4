/**
 * File uploads with progress. fetch() cannot report how much of a request body has been sent,
 * so uploads go through XMLHttpRequest; the headers, errors and 401 handling match request().
 */
import { ApiError } from './api-error.ts';
import { apiUrl, notifyUnauthorized, problemFrom } from './client.ts';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface UploadProgress {
  /** 'sending' while the body goes up; 'processing' once it is all sent and the server works on it. */
  phase: 'sending' | 'processing';
  loaded: number;
  total: number;
}

export interface Upload<T> {
  done: Promise<T>;
  abort: () => void;
}

export function uploadFile<T>(path: string, file: Blob, query: Query, onProgress: (p: UploadProgress) => void): Upload<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', apiUrl(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-keel-request', '1');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      onProgress({ phase: 'sending', loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing', loaded: file.size, total: file.size });
    xhr.onload = () => {
      if (xhr.status === 401) notifyUnauthorized();
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(new ApiError(problemFrom(xhr.status, xhr.statusText, xhr.responseText)));
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(new ApiError({
          type: 'about:blank', title: 'Bad reply', status: xhr.status, code: 'bad_reply',
          detail: 'The server accepted the file but its answer could not be read. Check the runs list.',
        }));
      }
    };
    xhr.onerror = () => reject(new ApiError({
      type: 'about:blank', title: 'Network error', status: 0, code: 'network',
      detail: 'The upload was interrupted: the Keel server could not be reached. Check your connection and try again.',
    }));
    xhr.onabort = () => reject(new ApiError({
      type: 'about:blank', title: 'Cancelled', status: 0, code: 'aborted', detail: 'The upload was cancelled.',
    }));
    onProgress({ phase: 'sending', loaded: 0, total: file.size });
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
