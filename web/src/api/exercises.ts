import type { Exercise, ExerciseCreate, ExercisePatch } from '../../../src/contracts/exercises.ts';
import { request } from './client.ts';

const exercisePath = (id: string) => `/exercises/${encodeURIComponent(id)}`;

export const exercisesApi = {
  list: () => request<{ items: Exercise[] }>('/exercises'),
  get: (id: string) => request<Exercise>(exercisePath(id)),
  create: (body: ExerciseCreate) => request<Exercise>('/exercises', { method: 'POST', json: body }),
  update: (id: string, body: ExercisePatch) => request<Exercise>(exercisePath(id), { method: 'PATCH', json: body }),
};
