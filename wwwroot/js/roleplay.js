// Small browser helpers the Blazor pages call through JS interop.
window.roleplay = {
  load: (key) => { try { return localStorage.getItem(key); } catch { return null; } },
  save: (key, value) => { try { localStorage.setItem(key, value); } catch { /* private mode: not remembered */ } },
  remove: (key) => { try { localStorage.removeItem(key); } catch { } },
  browserLanguage: () => (navigator.languages && navigator.languages[0]) || navigator.language || "en",
  copy: async (text) => { try { await navigator.clipboard.writeText(text); return true; } catch { return false; } },
  print: () => window.print(),
  download: (fileName, contentType, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: contentType }));
    const a = document.createElement("a");
    a.href = url; a.download = fileName; document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  scrollToEnd: (element) => { if (element) { element.scrollTop = element.scrollHeight; } },
};
