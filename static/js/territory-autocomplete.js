// Territory autocomplete: enhances <input data-territory-autocomplete="URL"> into an ARIA 1.2 combobox
// (list autocomplete, manual selection). Without JavaScript the input is a plain text field and the form
// still works: the server offers the matching territories as radio buttons.
//
// Attributes read on the input (set by territories.forms.TerritoryAutocompleteInput):
//   data-territory-autocomplete  URL of territories:autocomplete
//   data-territory-kinds         "commune,epci,departement,region" (optional)
//   data-territory-target        name of the form field receiving "kind:id" (created hidden if absent)
//   data-territory-action        optional URL the form is pointed at once a territory is chosen
// A "territory:selected" event (detail: the result) bubbles from the input after a choice.

const MIN_LENGTH = 2;
const DEBOUNCE_MS = 150;
let counter = 0;

function debounce(fn, delay) {
  let timer = null;
  return (...args) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...args), delay);
  };
}

function plural(n, word) {
  return `${n} ${word}${n > 1 ? "s" : ""}`;
}

function targetField(input) {
  const form = input.form;
  const name = input.dataset.territoryTarget || "territory";
  if (!form) return null;
  const existing = Array.from(form.elements).find((el) => el.name === name && el.type === "hidden");
  if (existing) return existing;
  const hidden = document.createElement("input");
  hidden.type = "hidden";
  hidden.name = name;
  input.insertAdjacentElement("afterend", hidden);
  return hidden;
}

function enhance(input) {
  if (input.dataset.territoryEnhanced) return;
  input.dataset.territoryEnhanced = "true";
  counter += 1;
  const listId = `territory-listbox-${counter}`;
  const form = input.form;
  const originalAction = form ? form.getAttribute("action") : null;
  const hidden = targetField(input);
  const group = input.parentElement;
  group.classList.add("tia-autocomplete");

  const list = document.createElement("ul");
  list.id = listId;
  list.className = "tia-autocomplete__list";
  list.setAttribute("role", "listbox");
  const label = input.labels && input.labels[0];
  if (label) {
    if (!label.id) label.id = `${listId}-label`;
    list.setAttribute("aria-labelledby", label.id);
  } else {
    list.setAttribute("aria-label", "Suggestions de collectivités");
  }
  list.hidden = true;

  const status = document.createElement("p");
  status.className = "fr-sr-only";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  input.insertAdjacentElement("afterend", list);
  list.insertAdjacentElement("afterend", status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("autocomplete", "off");

  let results = [];
  let active = -1;
  let controller = null;
  let lastQuery = "";

  function options() {
    return Array.from(list.querySelectorAll('[role="option"]'));
  }

  function setActive(index) {
    const items = options();
    items.forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
    active = index;
    if (index >= 0 && items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function open() {
    if (!options().length) return;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function clearChoice() {
    if (hidden) hidden.value = "";
    if (form && input.dataset.territoryAction) {
      if (originalAction === null) form.removeAttribute("action");
      else form.setAttribute("action", originalAction);
    }
  }

  function choose(index) {
    const result = results[index];
    if (!result) return;
    input.value = result.label;
    lastQuery = result.label;
    if (hidden) hidden.value = `${result.kind}:${result.id}`;
    if (form && input.dataset.territoryAction) form.setAttribute("action", input.dataset.territoryAction);
    close();
    status.textContent = `${result.label} sélectionné.`;
    input.dispatchEvent(new CustomEvent("territory:selected", { bubbles: true, detail: result }));
  }

  function render(items) {
    results = items;
    list.replaceChildren();
    items.forEach((item, i) => {
      const li = document.createElement("li");
      li.id = `${listId}-option-${i}`;
      li.className = "tia-autocomplete__option";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = item.label;
      li.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the input
      li.addEventListener("click", () => choose(i));
      list.appendChild(li);
    });
    active = -1;
    if (items.length) {
      open();
      status.textContent = `${plural(items.length, "suggestion")}. Utilisez les flèches haut et bas pour parcourir, Entrée pour choisir.`;
    } else {
      close();
      status.textContent = "Aucune collectivité ne correspond.";
    }
  }

  async function search(query) {
    if (controller) controller.abort();
    controller = new AbortController();
    const url = new URL(input.dataset.territoryAutocomplete, window.location.origin);
    url.searchParams.set("q", query);
    if (input.dataset.territoryKinds) url.searchParams.set("types", input.dataset.territoryKinds);
    try {
      const response = await fetch(url, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const payload = await response.json();
      if (input.value.trim() === query) render(payload.results || []);
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = "Les suggestions sont indisponibles : validez le formulaire pour chercher.";
    }
  }

  const searchSoon = debounce(search, DEBOUNCE_MS);

  input.addEventListener("input", () => {
    const query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    clearChoice();
    if (query.length < MIN_LENGTH) {
      results = [];
      list.replaceChildren();
      close();
      return;
    }
    searchSoon(query);
  });

  input.addEventListener("keydown", (event) => {
    const count = options().length;
    switch (event.key) {
      case "ArrowDown":
        if (!count) return;
        event.preventDefault();
        if (list.hidden) open();
        setActive(active < count - 1 ? active + 1 : 0);
        break;
      case "ArrowUp":
        if (!count) return;
        event.preventDefault();
        if (list.hidden) open();
        setActive(active > 0 ? active - 1 : count - 1);
        break;
      case "Enter":
        if (!list.hidden && active >= 0) {
          event.preventDefault(); // choose, do not submit yet
          choose(active);
        }
        break;
      case "Escape":
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          lastQuery = "";
          clearChoice();
        }
        break;
      case "Tab":
        close();
        break;
      default:
        break;
    }
  });

  input.addEventListener("blur", () => window.setTimeout(close, 100));
  input.addEventListener("focus", () => {
    if (results.length && !(hidden && hidden.value)) open();
  });
}

function enhanceAll(root = document) {
  root.querySelectorAll("input[data-territory-autocomplete]").forEach(enhance);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => enhanceAll());
} else {
  enhanceAll();
}

export { enhanceAll };
