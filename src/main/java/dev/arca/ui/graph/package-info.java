/**
 * The Upstream graph page ({@link dev.arca.ui.graph.UpstreamGraphViewModel}): the graph laid out by ELK and drawn in a
 * pannable canvas, edited in place, traced for a package, exported as PNG, SVG or DOT.
 */
package dev.arca.ui.graph;
