import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { exercisesApi } from '../api/exercises.ts';
import { useResource } from '../api/use-resource.ts';
import { can, CAN_CREATE_FINDINGS, CAN_MANAGE_EXERCISES } from '../features/auth/permissions.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { ExerciseFindings } from '../features/exercises/exercise-findings.tsx';
import { ExerciseForm } from '../features/exercises/exercise-form.tsx';
import { exerciseDates } from '../features/exercises/exercise-labels.ts';
import { useActorName } from '../features/users/use-actor-name.ts';
import { ProblemAlert } from '../ui/alert.tsx';
import { formatDate } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function ExercisePage() {
  const { id = '' } = useParams();
  const role = useRole();
  const exercise = useResource(() => exercisesApi.get(id), [id]);
  const [editing, setEditing] = useState(false);
  const nameOf = useActorName();

  if (exercise.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/exercises">← Exercises</Link></p>
        <ProblemAlert error={exercise.error} title={exercise.error.status === 404 ? 'Exercise not found' : 'Could not load the exercise'} />
      </>
    );
  }
  if (!exercise.data) return <Loading label="Loading exercise…" />;
  const x = exercise.data;
  const c = x.findingCounts;
  return (
    <>
      <p className="breadcrumb"><Link to="/exercises">Exercises</Link></p>
      <PageHeader
        title={x.name}
        subtitle={(
          <div className="zone-meta">
            <span>{exerciseDates(x)}</span>
            {x.zone && <Link to={`/zones/${encodeURIComponent(x.zone.key)}`}>{x.zone.name}</Link>}
            <span className="muted small">Recorded by {nameOf(x.createdBy)} on {formatDate(x.createdAt)}</span>
          </div>
        )}
        actions={can(role, CAN_MANAGE_EXERCISES) && (
          <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {editing ? 'Close editor' : 'Edit exercise'}
          </button>
        )}
      />
      {editing && (
        <ExerciseForm exercise={x} zones={[]} onCancel={() => setEditing(false)}
          onSaved={(next) => { exercise.setData(next); setEditing(false); }} />
      )}
      <div className="detail-grid aside-last">
        <div className="detail-main">
          <ExerciseFindings exerciseId={x.id} canAdd={can(role, CAN_CREATE_FINDINGS)} />
        </div>
        <aside className="detail-aside">
          <section className="card" aria-labelledby="exercise-about-heading">
            <h2 id="exercise-about-heading" className="card-title">About</h2>
            <h3 className="card-subtitle">Scope</h3>
            {x.scope ? <p className="prewrap">{x.scope}</p> : <p className="muted">Not described.</p>}
            <h3 className="card-subtitle">Participants</h3>
            <ul className="chips">{x.participants.map((p) => <li key={p} className="chip">{p}</li>)}</ul>
            <h3 className="card-subtitle">Findings</h3>
            <dl className="stat-list stat-list-single">
              <div><dt>Total</dt><dd>{c.total}</dd></div>
              <div><dt>Open</dt><dd>{c.open}</dd></div>
              <div><dt>Critical</dt><dd>{c.critical}</dd></div>
              <div><dt>High</dt><dd>{c.high}</dd></div>
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}
