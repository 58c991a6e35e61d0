// Reports: while a report is being prepared, refresh its status every few seconds.
// Progressive enhancement only: without JavaScript the panel asks to reload the page.
const POLL_MS = 3000;
const MAX_POLLS = 200;

// The user was in the status (on the download link or the button) when it was replaced: focus the same kind of
// control in the new status, else the status itself, so that focus is not dropped to <body> (RGAA 7.4, 12.8).
function keepFocus(focused, fresh) {
  const controls = [...fresh.querySelectorAll("a[href], button")];
  const target = controls.find((control) => control.tagName === focused.tagName) || controls[0] || fresh;
  if (target === fresh) fresh.setAttribute("tabindex", "-1");
  target.focus();
}

function watch(element, polls = 0) {
  const url = element.dataset.reportPoll;
  if (!url || polls >= MAX_POLLS) return;
  window.setTimeout(async () => {
    let fresh = null;
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } });
      if (response.ok) {
        const template = document.createElement("template");
        template.innerHTML = (await response.text()).trim();
        fresh = template.content.firstElementChild;
      }
    } catch {
      // Offline for a moment: try again at the next tick.
    }
    if (fresh) {
      const focused = element.contains(document.activeElement) ? document.activeElement : null;
      element.replaceWith(fresh);
      if (focused) keepFocus(focused, fresh);
      watch(fresh, polls + 1);
    } else {
      watch(element, polls + 1);
    }
  }, POLL_MS);
}

document.querySelectorAll("[data-report-poll]").forEach((element) => watch(element));
