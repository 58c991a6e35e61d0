// Catalogue: update facets and results in place when a filter changes. Progressive enhancement only:
// without JavaScript the form is submitted (GET) and the page reloads with the same, shareable URL.
const form = document.querySelector("[data-catalogue-form]");
const region = document.getElementById("catalogue-region");
const announce = document.getElementById("catalogue-announce");

if (form && region && window.fetch && window.history) {
  let controller = null;

  const urlFromForm = () => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value);
    }
    const query = params.toString();
    return query ? `${form.action}?${query}` : form.action;
  };

  const update = async (url, { push = true, focusId = null } = {}) => {
    if (controller) controller.abort();
    controller = new AbortController();
    region.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { headers: { "HX-Request": "true" }, signal: controller.signal });
      if (!response.ok) {
        window.location.assign(url);
        return;
      }
      region.innerHTML = await response.text();
      if (push) window.history.pushState({ catalogue: true }, "", url);
      const count = document.getElementById("catalogue-count");
      if (announce && count) announce.textContent = count.textContent.replace(/\s+/g, " ").trim();
      const target = focusId ? document.getElementById(focusId) : null;
      if (target) target.focus();
    } catch (error) {
      if (error.name !== "AbortError") window.location.assign(url);
    } finally {
      region.removeAttribute("aria-busy");
    }
  };

  form.addEventListener("change", (event) => {
    // The search field is applied on submit (Entrée or the button), not on every change.
    if (event.target.name === "q") return;
    update(urlFromForm(), { focusId: event.target.id });
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const focusId = document.activeElement && document.activeElement.id ? document.activeElement.id : null;
    update(urlFromForm(), { focusId });
  });

  region.addEventListener("click", (event) => {
    const link = event.target.closest(".fr-pagination a[href]");
    if (!link) return;
    event.preventDefault();
    update(link.href, { focusId: "resultats" });
  });

  window.addEventListener("popstate", () => update(window.location.href, { push: false }));
}
