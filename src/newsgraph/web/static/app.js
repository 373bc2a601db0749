// Keyboard help for the web UI: "/" focuses the search box. No content is ever inserted as HTML.
"use strict";
document.addEventListener("keydown", (event) => {
  const target = event.target;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
  if (event.key === "/" && !typing) {
    event.preventDefault();
    const box = document.getElementById("search-q") || document.getElementById("quick-q");
    if (box) box.focus();
  }
});
