// Draws the ego network the page embeds as JSON (no inline script: the CSP forbids it).
// Colour = community, size = key-player score, the centre is outlined. Enter or a click on a
// node re-centres the view on it.
(function () {
  "use strict";
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
                 "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];
  function draw() {
    var holder = document.getElementById("graph");
    var data = document.getElementById("graph-data");
    if (!holder || !data || typeof cytoscape !== "function") { return; }
    var elements = JSON.parse(data.textContent);
    var cy = cytoscape({
      container: holder,
      maxZoom: 1.5,
      minZoom: 0.2,
      elements: elements,
      style: [
        { selector: "node", style: {
            "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
            "background-color": function (n) { return PALETTE[n.data("community") % PALETTE.length]; },
            "width": function (n) { return 14 + 36 * n.data("score"); },
            "height": function (n) { return 14 + 36 * n.data("score"); } } },
        { selector: "node[?centre]", style: { "border-width": 4, "border-color": "#111" } },
        { selector: "node[?victim]", style: { "shape": "diamond" } },
        { selector: "edge", style: {
            "width": function (e) { return Math.min(1 + e.data("weight"), 6); },
            "line-color": "#9aa5b1", "curve-style": "haystack" } }
      ],
      layout: { name: "cose", animate: false }
    });
    cy.on("tap", "node", function (evt) {
      var params = new URLSearchParams(window.location.search);
      params.set("entity", evt.target.id());
      window.location.search = params.toString();
    });
    holder.dataset.ready = "true";
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
}());
