// Journeys: progressive enhancement only (every form works without JavaScript).
// Warns before leaving the page when a step form has unsaved changes.
const forms = document.querySelectorAll("form.journeys-step-form");
const dirty = new Set();

forms.forEach((form) => {
  form.addEventListener("input", () => {
    dirty.add(form);
    const status = form.querySelector(".journeys-save-status");
    if (status) status.textContent = "Modifications non enregistrées.";
  });
  form.addEventListener("submit", () => dirty.clear());
});

window.addEventListener("beforeunload", (event) => {
  if (dirty.size > 0) {
    event.preventDefault();
  }
});
