// Draws a scenario's stage graph (Mermaid text from the server) into an element.
// securityLevel 'strict' keeps labels as text and disables click handlers, since uploaded scenarios are not trusted.
// The diagram library is large (5 MB), so it is fetched only when an instructor first opens a graph, never on phones.
window.roleplayGraph = {
  initialized: false,
  counter: 0,
  loading: null,
  load: () => {
    if (window.mermaid) { return Promise.resolve(); }
    window.roleplayGraph.loading ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = "lib/mermaid/mermaid.min.js";
      script.onload = resolve;
      script.onerror = () => { window.roleplayGraph.loading = null; reject(new Error("The diagram library did not load.")); };
      document.head.appendChild(script);
    });
    return window.roleplayGraph.loading;
  },
  render: async (element, text) => {
    if (!element) { return "no element"; }
    try { await window.roleplayGraph.load(); } catch (e) { return e.message; }
    try {
      if (!window.roleplayGraph.initialized) {
        window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral" });
        window.roleplayGraph.initialized = true;
      }
      window.roleplayGraph.counter += 1;
      const { svg } = await window.mermaid.render("roleplay-graph-" + window.roleplayGraph.counter, text);
      element.innerHTML = svg;
      return null;
    } catch (e) {
      return (e && e.message) || String(e);
    }
  },
};
