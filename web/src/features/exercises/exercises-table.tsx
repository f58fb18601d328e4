import { Link } from 'react-router-dom';
import type { Exercise } from '../../../../src/contracts/exercises.ts';
import { exerciseDates } from './exercise-labels.ts';

export function ExercisesTable({ exercises }: { exercises: readonly Exercise[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <thead>
          <tr>
            <th scope="col">Exercise</th>
            <th scope="col">Dates</th>
            <th scope="col" className="hide-sm">Participants</th>
            <th scope="col">Zone</th>
            <th scope="col" className="num">Findings</th>
            <th scope="col" className="num hide-sm">Open</th>
            <th scope="col" className="num hide-sm">Critical · high</th>
          </tr>
        </thead>
        <tbody>
          {exercises.map((x) => (
            <tr key={x.id}>
              <td><Link to={`/exercises/${encodeURIComponent(x.id)}`} className="strong-link break">{x.name}</Link></td>
              <td className="nowrap" data-label="Dates">{exerciseDates(x)}</td>
              <td className="hide-sm" data-label="People">
                {x.participants.slice(0, 3).join(', ')}
                {x.participants.length > 3 && <span className="muted"> +{x.participants.length - 3}</span>}
              </td>
              <td data-label="Zone">{x.zone ? x.zone.name : <span className="muted">—</span>}</td>
              <td className="num" data-label="Findings">{x.findingCounts.total}</td>
              <td className="num hide-sm" data-label="Open">{x.findingCounts.open}</td>
              <td className="num hide-sm" data-label="Crit · high">
                <span className={x.findingCounts.critical > 0 ? 'text-danger strong' : undefined}>{x.findingCounts.critical}</span>
                {' · '}
                <span className={x.findingCounts.high > 0 ? 'text-warning strong' : undefined}>{x.findingCounts.high}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
