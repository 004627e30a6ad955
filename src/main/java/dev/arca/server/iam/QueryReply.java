package dev.arca.server.iam;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The result part of an AWS query-protocol reply (IAM, STS), written as their SDKs parse it: elements named as the
 * service model's members, lists as {@code <member>} children, timestamps in ISO 8601. {@link #render} wraps it in
 * {@code <ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…}.
 */
public final class QueryReply {

    private final StringBuilder out = new StringBuilder();

    /** A reply with no result members (DeleteUser and the like): the response holds only its metadata. */
    public static QueryReply empty() {
        return new QueryReply();
    }

    /** {@code <name>value</name>}, escaped. */
    public QueryReply element(String name, String value) {
        out.append('<').append(name).append('>');
        escape(value);
        out.append("</").append(name).append('>');
        return this;
    }

    public QueryReply element(String name, Instant value) {
        return element(name, DateTimeFormatter.ISO_INSTANT.format(value));
    }

    /** Escaped text inside the element being written: a string list's {@code <member>}. */
    public QueryReply text(String value) {
        escape(value);
        return this;
    }

    /** {@code <name>…</name>} with what {@code content} writes inside. */
    public QueryReply structure(String name, Consumer<QueryReply> content) {
        out.append('<').append(name).append('>');
        content.accept(this);
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name><member>…</member>…</name>}, one member per item. */
    public <T> QueryReply list(String name, Collection<T> items, BiConsumer<QueryReply, T> member) {
        return structure(name, list -> items.forEach(item -> list.structure("member", m -> member.accept(m, item))));
    }

    /** The whole reply document for {@code action} of the service whose XML namespace is {@code namespace}. */
    public String render(String action, String namespace, String requestId) {
        StringBuilder doc = new StringBuilder("<").append(action).append("Response xmlns=\"").append(namespace)
                .append("\">");
        if (!out.isEmpty()) {
            doc.append('<').append(action).append("Result>").append(out).append("</").append(action)
                    .append("Result>");
        }
        return doc.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
                .append(action).append("Response>").toString();
    }

    /** IAM's and STS's error document. */
    public static String error(IamException error, String namespace, String requestId) {
        QueryReply message = new QueryReply();
        message.escape(error.getMessage());
        return "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>" + (error.status() >= 500 ? "Receiver" : "Sender")
                + "</Type><Code>" + error.code() + "</Code><Message>" + message.out + "</Message></Error><RequestId>"
                + requestId + "</RequestId></ErrorResponse>";
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }
}
