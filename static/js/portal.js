// Progressive enhancements only: every page works without JavaScript.

// Dismissible alerts (no inline handlers: the Content-Security-Policy forbids them).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-tia-dismiss]");
  if (!button) return;
  const alert = button.closest(".fr-alert");
  if (alert) alert.remove();
});

// In-page links (skip links, « Aller aux résultats », error summary): move focus to the target, not only the view,
// so that the next Tab starts there and screen readers read it (RGAA 12.7).
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#']:not([aria-controls]):not([role])");
  if (!link || link.getAttribute("href").length < 2) return;
  let target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  if (!target) return;
  // On small screens the main menu sits in a closed dialog: « Menu » then leads to the button that opens it.
  const fallback = link.dataset.tiaSkipFallback ? document.getElementById(link.dataset.tiaSkipFallback) : null;
  if (fallback && !target.checkVisibility()) {
    fallback.focus();
    event.preventDefault();
    return;
  }
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  event.preventDefault();
  window.history.pushState(window.history.state, "", link.getAttribute("href"));
  target.focus();
});

// After a server-side form error, start on the error summary (RGAA 11.10): read first, links to each field.
document.getElementById("resume-erreurs")?.focus();

// A confirmation after a redirect to an anchor (« … est enregistré. », then #action-12) is shown and focused next
// to what was saved, not far above it at the top of the page.
const flash = document.getElementById("messages");
const anchored = window.location.hash.length > 1 ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
if (flash && anchored && !document.getElementById("resume-erreurs") && !anchored.contains(flash)) {
  anchored.insertAdjacentElement(/^H[1-6]$/.test(anchored.tagName) ? "afterend" : "afterbegin", flash);
  const first = flash.querySelector(".fr-alert");
  if (first) {
    first.setAttribute("tabindex", "-1");
    first.focus();
  }
}
