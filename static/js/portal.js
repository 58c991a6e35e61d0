// Progressive enhancements only: every page works without JavaScript.

// Dismissible alerts (no inline handlers: the Content-Security-Policy forbids them).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-tia-dismiss]");
  if (!button) return;
  const alert = button.closest(".fr-alert");
  if (alert) alert.remove();
});
