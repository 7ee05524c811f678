import type { EntityKind } from '@/lib/entities/entity-types';
import { ENTITY_FACT_FIELDS, type EntityFactField } from '@/lib/entities/entity-fact-fields';
import { DatePicker } from '@/components/ui/date-picker';
import { Select } from '@/components/ui/select';

const INPUT_TYPES: Record<EntityFactField['type'], string> = {
  text: 'text',
  date: 'date',
  count: 'number',
  year: 'number',
  boolean: 'text',
  code: 'text',
};

/** The facts a kind of entity carries, as `facts.<key>` inputs with their errors. */
export function EntityFactInputs({
  kind,
  values,
  fieldErrors,
}: {
  kind: EntityKind;
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
}) {
  const fields = ENTITY_FACT_FIELDS[kind];
  if (fields.length === 0) return <p className="hint">This kind of entity has no facts of its own.</p>;
  return (
    <fieldset className="stack" style={{ border: '1px solid var(--rule)', padding: '0.75rem' }}>
      <legend>Facts</legend>
      {fieldErrors.facts ? (
        <p className="field-error" role="alert">
          {fieldErrors.facts}
        </p>
      ) : null}
      {fields.map((field) => (
        <FactInput key={`${kind}-${field.key}`} field={field} value={values[field.key] ?? ''} error={fieldErrors[`facts.${field.key}`]} />
      ))}
    </fieldset>
  );
}

function FactInput({ field, value, error }: { field: EntityFactField; value: string; error?: string }) {
  const name = `facts.${field.key}`;
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [error ? errorId : null, field.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const shared = { name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <label>
      {field.label}
      {field.type === 'boolean' ? (
        <Select
          {...shared}
          defaultValue={value}
          emptyLabel="Not recorded"
          options={[
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
        />
      ) : field.type === 'date' ? (
        <DatePicker {...shared} defaultValue={value} />
      ) : (
        <input
          {...shared}
          type={INPUT_TYPES[field.type]}
          defaultValue={value}
          maxLength={field.maxLength}
          min={field.type === 'count' ? 0 : undefined}
          step={field.type === 'count' || field.type === 'year' ? 1 : undefined}
        />
      )}
      {field.hint ? (
        <span id={hintId} className="hint">
          {field.hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </label>
  );
}
