// Progressive enhancements only: every page works without JavaScript.

// Dismissible alerts (no inline handlers: the Content-Security-Policy forbids them).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-tia-dismiss]");
  if (!button) return;
  const alert = button.closest(".fr-alert");
  if (!alert) return;
  // The focused close button disappears with its alert: focus goes to what the alert stood in, not to <body>.
  let holder = alert.parentElement;
  alert.remove();
  if (holder?.id === "messages" && !holder.querySelector(".fr-alert")) {
    const outer = holder.parentElement;
    holder.remove();
    holder = outer;
  }
  if (document.activeElement !== document.body && document.activeElement !== null) return;
  const target = holder?.closest("[id]") || document.getElementById("contenu");
  if (!target) return;
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus();
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
  if (fallback && !target.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
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
    // Chromium then scrolls to the anchor, which is not focusable, and clears focus to <body> (at a moment that
    // varies with the page's loading): focus the confirmation again then, unless the user has already acted.
    let userActed = false;
    const acted = () => {
      userActed = true;
    };
    document.addEventListener("keydown", acted, { capture: true, once: true });
    document.addEventListener("pointerdown", acted, { capture: true, once: true });
    const refocus = (event) => {
      if (userActed || event.relatedTarget) return;
      setTimeout(() => {
        if (!userActed && document.activeElement === document.body) {
          first.removeEventListener("blur", refocus);
          first.focus();
        }
      });
    };
    first.addEventListener("blur", refocus);
  }
}

// RGAA 13.1: the session ends SESSION_COOKIE_AGE after its last extension. Five minutes before, an alert says so and
// offers to extend it; the user's focus is not moved, and comes back where it was after the extension.
const sessionEnd = Number(document.body.dataset.sessionExpires || 0);
const WARNING_SECONDS = 5 * 60;
if (sessionEnd && window.fetch) {
  let timer = null;
  const schedule = (end) => {
    if (timer) window.clearTimeout(timer);
    const delay = Math.max(0, end * 1000 - WARNING_SECONDS * 1000 - Date.now());
    timer = window.setTimeout(() => warn(end), Math.min(delay, 2 ** 31 - 1));
  };
  const warn = (end) => {
    if (document.getElementById("session-alerte")) return;
    const before = document.activeElement; // where the user was when the alert appeared
    const time = new Date(end * 1000).toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
    const alert = document.createElement("div");
    alert.className = "fr-alert fr-alert--warning fr-mb-3w";
    alert.id = "session-alerte";
    alert.setAttribute("role", "alert");
    alert.innerHTML =
      '<h2 class="fr-alert__title">Votre session se termine bientôt</h2>' +
      `<p>Elle prendra fin à ${time}. Ce qui n’est pas enregistré serait alors perdu.</p>` +
      '<button type="button" class="fr-btn fr-btn--sm fr-mt-2w">Prolonger ma session</button>';
    const container = document.querySelector("#contenu > .fr-container") || document.getElementById("contenu");
    container.prepend(alert);
    alert.querySelector("button").addEventListener("click", async () => {
      const response = await fetch(document.body.dataset.sessionExtend, {
        method: "POST",
        headers: { "X-CSRFToken": document.body.dataset.csrf },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const { expires_at: next } = await response.json();
      alert.remove();
      const status = document.getElementById("session-statut");
      if (status) status.textContent = "Votre session est prolongée.";
      if (before && before !== document.body && document.contains(before)) before.focus();
      else document.getElementById("contenu")?.focus();
      schedule(next);
    });
  };
  schedule(sessionEnd);
}
