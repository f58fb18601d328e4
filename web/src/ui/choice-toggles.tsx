/**
 * A fieldset of checkbox toggles for a multi-choice filter (severities, statuses): the chosen
 * values in the order they were picked, each toggle labelled in words.
 */
interface Props<T extends string> {
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  chosen: readonly T[];
  onChange: (next: T[]) => void;
  /** An extra class per toggle, e.g. the severity colour. */
  classOf?: (value: T) => string;
}

export function ChoiceToggles<T extends string>({ legend, options, labels, chosen, onChange, classOf }: Props<T>) {
  const toggle = (value: T, on: boolean): T[] => {
    const rest = chosen.filter((v) => v !== value);
    return on ? [...rest, value] : rest;
  };
  return (
    <fieldset className="field fieldset filter-choices">
      <legend>{legend}</legend>
      <div className="toggle-row">
        {options.map((value) => (
          <label key={value} className={classOf ? `toggle ${classOf(value)}` : 'toggle'}>
            <input type="checkbox" checked={chosen.includes(value)} onChange={(e) => onChange(toggle(value, e.target.checked))} />
            {labels[value]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
