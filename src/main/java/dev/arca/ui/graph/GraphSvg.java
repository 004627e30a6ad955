package dev.arca.ui.graph;

import java.util.Locale;

/**
 * The graph as an SVG drawing: boxes with their names and subtitles, edges with arrowheads and priorities, in the
 * page's colours and with what is highlighted (selection, search positions, dimmed boxes). Text only, no FX.
 */
final class GraphSvg {

    private static final double MARGIN = 24;

    private GraphSvg() {
    }

    static String of(GraphLayout.Result layout, GraphHighlight highlight) {
        StringBuilder svg = new StringBuilder();
        double width = layout.width() + 2 * MARGIN;
        double height = layout.height() + 2 * MARGIN;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"%.0f %.0f %.0f %.0f\" font-family=\"sans-serif\">%n", width, height, -MARGIN, -MARGIN,
                width, height));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/>"
                + "</marker></defs>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\""
                + " fill=\"#ffffff\"/>%n", -MARGIN, -MARGIN, width, height));
        for (GraphLayout.Route route : layout.routes()) {
            double[] p = route.points();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i + 1 < p.length; i += 2) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[i], p[i + 1]));
            }
            String stroke = route.dangling() ? "#cf222e" : route.connection() ? "#0969da"
                    : highlight.onPath(route.from(), route.to()) ? "#0969da" : "#8c959f";
            String dash = route.dangling() || route.connection() ? " stroke-dasharray=\"6 4\"" : "";
            double opacity = highlight.dimmed().contains(route.from()) && !highlight.onPath(route.from(), route.to())
                    ? 0.3 : 1;
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\""
                    + " stroke-width=\"1.6\"%s opacity=\"%.1f\" marker-end=\"url(#arrow)\"/>%n", points.toString().strip(),
                    stroke, dash, opacity));
            if (!route.connection() && p.length >= 4) {
                double dx = p[2] - p[0];
                double dy = p[3] - p[1];
                double length = Math.max(1, Math.hypot(dx, dy));
                double along = Math.min(22, length / 2);
                double x = p[0] + dx / length * along;
                double y = p[1] + dy / length * along;
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"#ffffff\""
                        + " stroke=\"#8c959f\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\""
                        + " dominant-baseline=\"central\" fill=\"#24292f\">%d</text>%n", x, y, x, y, route.priority()));
            }
        }
        for (GraphLayout.Box box : layout.boxes().values()) {
            boolean selected = highlight.selected().map(box.id()::equals).orElse(false);
            String fill = switch (box.kind()) {
                case REPOSITORY -> "#f6f8fa";
                case CONNECTION -> "#ddf4ff";
                case MISSING -> "#ffebe9";
            };
            String stroke = selected ? "#0969da" : box.kind() == GraphLayout.Kind.MISSING
                    || highlight.warnings().containsKey(box.id()) ? "#cf222e" : "#d0d7de";
            double opacity = highlight.dimmed().contains(box.id()) ? 0.35 : 1;
            svg.append(String.format(Locale.ROOT, "<g opacity=\"%.2f\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                    + " height=\"%.1f\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>", opacity, box.x(),
                    box.y(), box.width(), box.height(), fill, stroke, selected ? "2.5" : "1",
                    box.kind() == GraphLayout.Kind.MISSING ? " stroke-dasharray=\"5 3\"" : ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\""
                    + " text-anchor=\"middle\" fill=\"#24292f\">%s</text>", box.centerX(), box.y() + 19, escape(box.name())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\""
                    + " fill=\"#57606a\">%s</text></g>%n", box.centerX(), box.y() + 35, escape(box.subtitle())));
            Integer position = highlight.positions().get(box.id());
            if (position != null && position > 0) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"11\" fill=\"#0969da\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\""
                        + " dominant-baseline=\"central\" fill=\"#ffffff\">%d</text>%n", box.x(), box.y(), box.x(),
                        box.y(), position));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
