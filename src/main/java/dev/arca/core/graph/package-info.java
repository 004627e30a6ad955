/**
 * The upstream graph as data — {@link dev.arca.core.graph.UpstreamGraph}, edits checked before they are sent ({@link
 * dev.arca.core.graph.GraphEdits}), package traces, cycles, and the text and DOT forms {@code arca graph} prints.
 */
package dev.arca.core.graph;
