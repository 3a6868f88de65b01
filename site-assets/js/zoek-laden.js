// Loads the site search (its scripts are named in the form's data-zoek-scripts, in order) only
// when a reader first uses a search box, so that every page stays light for everyone else. A
// search sent before they have arrived is sent again once they have; should they not load, the
// form goes where it goes without JavaScript (the A-Z page).
(() => {
 let loading;
 const load = (form) => loading ||= (form.dataset.zoekScripts || '').split(' ').filter(Boolean)
  .reduce((done, src) => done.then(() => new Promise((ok, fail) => {
   document.head.append(Object.assign(document.createElement('script'), { src, onload: ok, onerror: fail }));
  })), Promise.resolve());
 document.querySelectorAll('form[data-zoek]').forEach((form) => {
  const early = (event) => {
   event.preventDefault();
   load(form).then(() => form.requestSubmit(), () => form.submit());
  };
  form.addEventListener('submit', early);
  form.addEventListener('focusin', () => load(form).then(() => form.removeEventListener('submit', early), () => {}));
 });
})();
