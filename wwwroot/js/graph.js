// Draws a scenario's stage graph (Mermaid text from the server) into an element.
// securityLevel 'strict' keeps labels as text and disables click handlers, since uploaded scenarios are not trusted.
window.roleplayGraph = {
  initialized: false,
  counter: 0,
  render: async (element, text) => {
    if (!element) { return "no element"; }
    if (!window.mermaid) { return "The diagram library did not load."; }
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
