// The booking widget a restaurant puts on its own website:
//   <script src="https://HOST/widget.js" data-restaurant="SLUG" async></script>
// It adds a "Book a table" button after the script tag; the button opens the
// booking page of HOST in a dialog with an isolated frame (the host page's
// scripts and styles cannot reach into it, nor it into them). Optional
// attributes: data-lang="en|da|de", data-accent="#rrggbb".
(() => {
  const script = document.currentScript;
  if (!script) return;
  const slug = script.dataset.restaurant;
  if (!slug) {
    console.error('maitred widget: the script tag needs data-restaurant="your-slug"');
    return;
  }
  const origin = new URL(script.src).origin;
  const language = (script.dataset.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
  const accent = /^#[0-9a-fA-F]{3,8}$/.test(script.dataset.accent || '') ? script.dataset.accent : '#1f5f8b';
  const labels = {
    en: { open: 'Book a table', close: 'Close', title: 'Book a table' },
    da: { open: 'Book et bord', close: 'Luk', title: 'Book et bord' },
    de: { open: 'Tisch reservieren', close: 'Schließen', title: 'Tisch reservieren' },
  };
  const text = labels[language] || labels.en;

  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text.open;
  Object.assign(button.style, {
    background: accent, color: '#fff', border: '0', borderRadius: '6px', padding: '12px 20px',
    font: '600 16px system-ui, sans-serif', cursor: 'pointer',
  });
  script.insertAdjacentElement('afterend', button);

  let dialog = null;
  function close() {
    if (!dialog) return;
    dialog.remove();
    dialog = null;
    document.removeEventListener('keydown', onKey);
    button.focus();
  }
  function onKey(event) {
    if (event.key === 'Escape') close();
  }
  // Escape pressed inside the frame arrives as a message from the booking page.
  window.addEventListener('message', (event) => {
    if (event.origin === origin && event.data && event.data.maitred === 'close') close();
  });
  button.addEventListener('click', () => {
    if (dialog) return;
    const small = window.matchMedia('(max-width: 600px)').matches;
    dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', text.title);
    Object.assign(dialog.style, {
      position: 'fixed', inset: '0', zIndex: '2147483000', background: 'rgba(0,0,0,.5)',
      display: 'flex', alignItems: 'center', justifyContent: 'center',
    });
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) close();
    });
    const panel = document.createElement('div');
    Object.assign(panel.style, {
      position: 'relative', background: '#fff', borderRadius: small ? '0' : '10px', overflow: 'hidden',
      width: small ? '100%' : 'min(560px, 94vw)', height: small ? '100%' : 'min(760px, 92vh)',
    });
    const closeButton = document.createElement('button');
    closeButton.type = 'button';
    closeButton.textContent = '×';
    closeButton.setAttribute('aria-label', text.close);
    Object.assign(closeButton.style, {
      position: 'absolute', top: '6px', right: '6px', width: '40px', height: '40px', border: '0',
      borderRadius: '20px', background: '#f1f1f1', color: '#1b1b1b', font: '24px system-ui, sans-serif', cursor: 'pointer',
    });
    closeButton.addEventListener('click', close);
    const frame = document.createElement('iframe');
    frame.title = text.title;
    const query = new URLSearchParams({ lang: language, accent, embed: '1' });
    frame.src = `${origin}/book/${encodeURIComponent(slug)}?${query}`;
    Object.assign(frame.style, { border: '0', width: '100%', height: '100%' });
    panel.append(frame, closeButton);
    dialog.append(panel);
    document.body.append(dialog);
    document.addEventListener('keydown', onKey);
    frame.focus();
  });
})();
