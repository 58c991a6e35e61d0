// Catalogue: update the results and the facet counts in place when a filter changes. Progressive enhancement only:
// without JavaScript the form is submitted (GET) and the page reloads with the same, shareable URL.
// Only the results column and the counts in the facet labels are replaced: the search field, the sort, the boxes
// and the open filter groups stay as the user left them (RGAA 7.4, 12.8), focus never moves unless asked.
const form = document.querySelector("[data-catalogue-form]");
const region = document.getElementById("catalogue-region");
const announce = document.getElementById("catalogue-announce");

if (form && region && window.fetch && window.history) {
  let controller = null;
  let shownSearch = window.location.search; // the query the results show (in-page links only change the hash)

  const urlFromForm = () => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value);
    }
    const query = params.toString();
    return query ? `${form.action}?${query}` : form.action;
  };

  const updateCounts = (fresh) => {
    for (const input of fresh.querySelectorAll("input[type=checkbox]")) {
      const selector = `input[type=checkbox][name="${CSS.escape(input.name)}"][value="${CSS.escape(input.value)}"]`;
      const current = region.querySelector(selector);
      const freshLabel = fresh.querySelector(`label[for="${CSS.escape(input.id)}"]`);
      const label = current ? region.querySelector(`label[for="${CSS.escape(current.id)}"]`) : null;
      if (label && freshLabel && label.textContent !== freshLabel.textContent) label.textContent = freshLabel.textContent;
    }
  };

  const update = async (url, { push = true, focusResults = false, whole = false } = {}) => {
    if (controller) controller.abort();
    controller = new AbortController();
    const results = document.getElementById("catalogue-results");
    if (results) results.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { headers: { "HX-Request": "true" }, signal: controller.signal });
      if (!response.ok) {
        window.location.assign(url);
        return;
      }
      const fresh = document.createElement("template");
      fresh.innerHTML = await response.text();
      const freshResults = fresh.content.getElementById("catalogue-results");
      if (whole || !freshResults || !results) {
        region.replaceChildren(fresh.content); // history navigation: the form must show the URL's state
      } else {
        updateCounts(fresh.content);
        results.replaceWith(freshResults);
      }
      if (push) window.history.pushState({ catalogue: true }, "", url);
      shownSearch = new URL(url, window.location.href).search;
      const current = document.getElementById("catalogue-results");
      if (current && current.dataset.pageTitle) document.title = current.dataset.pageTitle;
      const count = document.getElementById("catalogue-count");
      if (announce && count) announce.textContent = count.textContent.replace(/\s+/g, " ").trim();
      if (focusResults) document.getElementById("resultats")?.focus();
    } catch (error) {
      if (error.name !== "AbortError") window.location.assign(url);
    } finally {
      document.getElementById("catalogue-results")?.removeAttribute("aria-busy");
    }
  };

  form.addEventListener("change", (event) => {
    // The search field is applied on submit (Entrée or the button), not on every change.
    if (event.target.name === "q") return;
    update(urlFromForm());
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update(urlFromForm(), { focusResults: true });
  });

  region.addEventListener("click", (event) => {
    const link = event.target.closest(".fr-pagination a[href]");
    if (!link) return;
    event.preventDefault();
    update(link.href, { focusResults: true });
  });

  window.addEventListener("popstate", () => {
    if (window.location.search !== shownSearch) update(window.location.href, { push: false, whole: true });
  });
}
