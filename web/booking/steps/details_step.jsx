import { useRef, useState } from 'preact/hooks';
import { formatDate, formatTime } from '../dates.js';
import { Countdown } from './countdown.jsx';
import { StepHeading } from './step_heading.jsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[0-9][0-9 ]{5,19}$/;

function Field({ id, label, error, children }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

// One of the restaurant's questions (custom fields active online): the
// input for its type, the answer in the shape the API takes.
function CustomFieldInput({ field, value, error, onChange, t }) {
  const id = `cf-${field._id}`;
  const label = (field.label || field.name) + (field.isRequired ? ' *' : '');
  const described = [field.helptext ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const help = field.helptext ? (
    <p class="muted" id={`${id}-help`}>
      {field.helptext}
    </p>
  ) : null;
  if (field.type === 'radio' || field.type === 'checkbox') {
    const multiple = field.type === 'checkbox';
    const chosen = multiple ? value || [] : value;
    return (
      <fieldset class="field" aria-describedby={described}>
        <legend>{label}</legend>
        {help}
        {field.multipleChoiceSelections.map((choice) => (
          <label class="option" key={choice._id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              checked={multiple ? chosen.includes(choice._id) : chosen === choice._id}
              onChange={(e) =>
                onChange(
                  multiple
                    ? e.currentTarget.checked
                      ? [...chosen, choice._id]
                      : chosen.filter((c) => c !== choice._id)
                    : choice._id,
                )
              }
            />{' '}
            {choice.name}
          </label>
        ))}
        {error ? (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  }
  return (
    <Field id={id} label={label} error={error}>
      {help}
      {field.type === 'dropdown' ? (
        <select id={id} aria-describedby={described} aria-invalid={Boolean(error)} value={value || ''} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">—</option>
          {field.multipleChoiceSelections.map((choice) => (
            <option key={choice._id} value={choice._id}>
              {choice.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.type === 'number' ? 'number' : 'text'}
          aria-describedby={described}
          aria-invalid={Boolean(error)}
          value={value ?? ''}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function DetailsStep({ hold, service, people, locale, busy, serverErrors, onConfirm, onExpired, onBack, t }) {
  const [values, setValues] = useState({ name: '', email: '', phone: '', comment: '', consent: false, website: '' });
  const [answers, setAnswers] = useState({});
  const [errors, setErrors] = useState({});
  const form = useRef(null);
  const fields = service?.activeCustomFields || [];
  const set = (name) => (e) => setValues({ ...values, [name]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value });
  const shown = { ...errors, ...serverErrors };

  // What the form holds now, read from the elements: a guest (or a test)
  // may press Enter before the last keystroke has re-rendered.
  function current() {
    const data = new FormData(form.current);
    const text = (name) => String(data.get(name) ?? '');
    return { name: text('name'), email: text('email'), phone: text('phone'), comment: text('comment'), website: text('website'), consent: data.get('consent') !== null };
  }

  function check(values) {
    const found = {};
    if (!values.name.trim()) found.name = t('required');
    if (!EMAIL.test(values.email.trim())) found.email = values.email.trim() ? t('invalidEmail') : t('required');
    if (!PHONE.test(values.phone.trim())) found.phone = values.phone.trim() ? t('invalidPhone') : t('required');
    for (const f of fields) {
      const a = answers[f._id];
      if (f.isRequired && (a === undefined || a === '' || (Array.isArray(a) && a.length === 0))) found[`cf-${f._id}`] = t('required');
    }
    if (!values.consent) found.consent = t('consentRequired');
    return found;
  }

  function submit(event) {
    event.preventDefault();
    const values = current();
    const found = check(values);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      form.current?.querySelector(`#${CSS.escape(first)}, [name="${first}"]`)?.focus();
      return;
    }
    const customFields = fields
      .filter((f) => answers[f._id] !== undefined && answers[f._id] !== '')
      .map((f) => ({ _id: f._id, value: f.type === 'number' ? Number(answers[f._id]) : answers[f._id] }));
    onConfirm({
      holdId: hold._id,
      guest: { name: values.name.trim(), email: values.email.trim(), phone: values.phone.trim() },
      comment: values.comment,
      customFields,
      languageCode: locale,
      consent: values.consent,
      website: values.website,
    });
  }

  const errorProps = (name) => ({
    'aria-invalid': Boolean(shown[name]),
    'aria-describedby': shown[name] ? `${name}-error` : undefined,
  });
  const count = Object.keys(shown).length;
  return (
    <section>
      <StepHeading step={4} title={t('detailsHeading')} t={t} />
      <p>
        {t('summary', {
          people: people === 1 ? t('guest') : t('guests', { n: people }),
          date: formatDate(hold.date, locale),
          time: formatTime(hold.time, locale),
        })}
      </p>
      <Countdown expiresAt={hold.expiresAt} onExpired={onExpired} t={t} />
      <form ref={form} onSubmit={submit} noValidate>
        {count > 0 ? (
          <div class="error" role="alert">
            {Object.values(shown).map((message, i) => (
              <p key={i}>{message}</p>
            ))}
          </div>
        ) : null}
        <Field id="name" label={t('name')} error={shown.name}>
          <input id="name" name="name" autocomplete="name" value={values.name} onInput={set('name')} {...errorProps('name')} />
        </Field>
        <Field id="email" label={t('email')} error={shown.email}>
          <input id="email" name="email" type="email" autocomplete="email" value={values.email} onInput={set('email')} {...errorProps('email')} />
        </Field>
        <Field id="phone" label={t('phone')} error={shown.phone}>
          <input id="phone" name="phone" type="tel" autocomplete="tel" value={values.phone} onInput={set('phone')} {...errorProps('phone')} />
        </Field>
        {fields.map((f) => (
          <CustomFieldInput
            key={f._id}
            field={f}
            value={answers[f._id]}
            error={shown[`cf-${f._id}`]}
            onChange={(v) => setAnswers({ ...answers, [f._id]: v })}
            t={t}
          />
        ))}
        <Field id="comment" label={t('comment')}>
          <textarea id="comment" name="comment" rows={3} maxLength={1000} value={values.comment} onInput={set('comment')} />
        </Field>
        {/* A field people never see: software that fills in every field gives itself away. */}
        <div class="hp" aria-hidden="true">
          <label for="website">Website</label>
          <input id="website" name="website" tabIndex={-1} autocomplete="off" value={values.website} onInput={set('website')} />
        </div>
        <div class="field consent">
          <input id="consent" name="consent" type="checkbox" checked={values.consent} onChange={set('consent')} {...errorProps('consent')} />
          <label for="consent">{t('consent')}</label>
          {shown.consent ? (
            <p class="field-error" id="consent-error">
              {shown.consent}
            </p>
          ) : null}
        </div>
        <div class="actions">
          <button type="button" onClick={onBack}>
            {t('back')}
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {t('confirm')}
          </button>
        </div>
      </form>
    </section>
  );
}
