// Enter sends the reply on a desktop keyboard; Shift+Enter, phones and IME composition keep Enter for text.
export function enterSends(textarea) {
  if (!textarea || textarea.dataset.enterSends) { return; }
  textarea.dataset.enterSends = "1";
  const desktop = window.matchMedia("(hover: hover) and (pointer: fine)");
  textarea.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229 || !desktop.matches) { return; }
    e.preventDefault();
    if (textarea.form) { textarea.form.requestSubmit(); }
  });
}
