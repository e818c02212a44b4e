import { useEffect, useRef } from 'preact/hooks';

// Each step starts with its heading, which takes the focus when the step
// appears: a screen reader announces where the guest is now, and the
// keyboard continues from there.
export function StepHeading({ step, title, t }) {
  const heading = useRef(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      {step ? <p class="muted step">{t('step', { n: step })}</p> : null}
      <h2 ref={heading} tabIndex={-1}>
        {title}
      </h2>
    </>
  );
}
