// A "Print" button: shown only when this script runs (without it, the browser's own print
// command prints the same page; the layout hides the menu and the buttons on paper).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
