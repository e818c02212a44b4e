import { useEffect, useRef } from 'preact/hooks';

// Each step starts with its heading, which takes the focus when the step
// appears: a screen reader announces where the guest is now, and the
// keyboard continues from there.
export function StepHeading({ step, title, t }) {
  const heading = useRef(null);
  useEffect(() => {
    // After the step that had the focus (a button now gone or disabled) is
    // out of the way, or the browser moves the focus to the body again.
    const timer = setTimeout(() => heading.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <>
      {step ? <p class="muted step">{t('step', { n: step })}</p> : null}
      <h2 ref={heading} tabIndex={-1}>
        {title}
      </h2>
    </>
  );
}
