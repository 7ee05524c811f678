import type { EntityKind } from '@/lib/entities/entity-types';
import { Field } from '@/components/ui/field';
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
    <fieldset className="stack boxed-fieldset">
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
  return (
    <Field id={`entity-fact-${field.key}`} label={field.label} hint={field.hint} error={error}>
      {(control) =>
        field.type === 'boolean' ? (
          <Select
            name={name}
            {...control}
            defaultValue={value}
            emptyLabel="Not recorded"
            options={[
              { value: 'true', label: 'Yes' },
              { value: 'false', label: 'No' },
            ]}
          />
        ) : field.type === 'date' ? (
          <DatePicker name={name} {...control} defaultValue={value} />
        ) : (
          <input
            name={name}
            {...control}
            type={INPUT_TYPES[field.type]}
            defaultValue={value}
            maxLength={field.maxLength}
            min={field.type === 'count' ? 0 : undefined}
            step={field.type === 'count' || field.type === 'year' ? 1 : undefined}
          />
        )
      }
    </Field>
  );
}
