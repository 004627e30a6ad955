package dev.arca.server.formats.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An element of a small XML document (a POM, repository metadata), read without anything XML can do besides
 * describe data: a document type declaration is refused, so no entity is ever expanded or fetched. Names are
 * local names (POMs carry a namespace); text is what the element holds directly, stripped.
 */
record XmlElement(String name, String text, List<XmlElement> children) {

    private static final int MAX_DEPTH = 64;
    private static final XMLInputFactory FACTORY = factory();

    XmlElement {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
        children = List.copyOf(children);
    }

    /** Reads a document; an IOException says why it is not well-formed or not acceptable. */
    static XmlElement read(InputStream in) throws IOException {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException unreadable) {
                // The stream failed (it was larger than allowed, say), not the document.
                throw unreadable;
            }
            throw new IOException("it is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static XmlElement read(XMLStreamReader reader) throws XMLStreamException, IOException {
        /* Elements being read, innermost first, each with its text and the children read so far. */
        record Open(String name, StringBuilder text, List<XmlElement> children) {
        }
        Deque<Open> open = new ArrayDeque<>();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD -> throw new IOException("it declares a document type, which is not"
                        + " accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new IOException("it nests elements deeper than " + MAX_DEPTH);
                    }
                    open.push(new Open(reader.getLocalName(), new StringBuilder(), new ArrayList<>()));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty()) {
                        open.peek().text().append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Open done = open.pop();
                    XmlElement element = new XmlElement(done.name(), done.text().toString().strip(),
                            done.children());
                    if (open.isEmpty()) {
                        return element;
                    }
                    open.peek().children().add(element);
                }
                default -> {
                    // Comments, processing instructions and whitespace outside elements say nothing.
                }
            }
        }
        throw new IOException("it has no root element");
    }

    /** The first child called {@code name}. */
    Optional<XmlElement> child(String name) {
        return children.stream().filter(c -> c.name.equals(name)).findFirst();
    }

    /** Every child called {@code name}, in document order. */
    List<XmlElement> children(String name) {
        return children.stream().filter(c -> c.name.equals(name)).toList();
    }

    /** The text of the element at a path of child names, when it has some. */
    Optional<String> text(String... path) {
        Optional<XmlElement> at = Optional.of(this);
        for (String step : path) {
            at = at.flatMap(element -> element.child(step));
        }
        return at.map(XmlElement::text).filter(t -> !t.isEmpty());
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
