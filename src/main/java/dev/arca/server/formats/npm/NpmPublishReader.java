package dev.arca.server.formats.npm;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.BoundedBody;
import dev.arca.server.json.Json;
import dev.arca.server.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the document {@code npm publish} (and {@code npm deprecate}) PUTs, streaming: each base64 attachment is
 * decoded straight into blob staging, so a tarball as large as the asset size limit never sits in memory, while
 * everything else — bounded to a few megabytes — becomes a JSON tree.
 */
final class NpmPublishReader {

    /** How much JSON besides attachments a document may carry (manifest, readme, tags). */
    static final long METADATA_BYTES = 16L << 20;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength((int) METADATA_BYTES).maxNestingDepth(64).build())
            .build();

    /** Stages what a decoder writes, under the asset size limit. */
    @FunctionalInterface
    interface Stager {
        BlobStore.StagedBlob stage(BlobStore.ContentWriter content) throws IOException;
    }

    /** One attachment, staged; {@code declaredLength} is the length the client said it has. */
    record Attachment(String name, BlobStore.StagedBlob staged, OptionalLong declaredLength) {
    }

    /** The document without its attachments, and the attachments staged; closing discards what was not stored. */
    record Document(ObjectNode root, List<Attachment> attachments) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            NpmPublishReader.close(attachments);
        }
    }

    private NpmPublishReader() {
    }

    static Document read(InputStream body, long maxAssetBytes, Stager stager) throws IOException {
        BoundedBody bounded = new BoundedBody(body, METADATA_BYTES);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        List<Attachment> attachments = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(bounded)) {
            parser.setCodec(Json.mapper());
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the body must be a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("_attachments")) {
                    readAttachments(parser, bounded, maxAssetBytes, stager, attachments);
                } else {
                    root.set(field, parser.readValueAsTree());
                }
            }
            expect(parser.nextToken() == null, "the body must hold one JSON object and nothing after it");
            return new Document(root, attachments);
        } catch (JsonProcessingException e) {
            close(attachments);
            throw ApiException.validation("The publish document is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            close(attachments);
            throw e;
        }
    }

    private static void readAttachments(JsonParser parser, BoundedBody bounded, long maxAssetBytes, Stager stager,
                                        List<Attachment> out) throws IOException {
        expect(parser.currentToken() == JsonToken.START_OBJECT, "_attachments must be an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            expect(parser.nextToken() == JsonToken.START_OBJECT, "each attachment must be an object");
            Optional<BlobStore.StagedBlob> staged = Optional.empty();
            OptionalLong length = OptionalLong.empty();
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("data") && value == JsonToken.VALUE_STRING && staged.isEmpty()) {
                        long metadataSoFar = bounded.consumed();
                        bounded.allow((maxAssetBytes + 2) / 3 * 4 + 4);
                        staged = Optional.of(stager.stage(out1 -> parser.readBinaryValue(
                                Base64Variants.MIME_NO_LINEFEEDS, out1)));
                        bounded.limitTo(METADATA_BYTES - Math.min(METADATA_BYTES, metadataSoFar));
                    } else if (field.equals("length") && value.isNumeric()) {
                        length = OptionalLong.of(parser.getLongValue());
                    } else {
                        JsonNode ignored = parser.readValueAsTree();
                        expect(ignored != null, "attachment field " + field + " is incomplete");
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (staged.isPresent()) {
                    staged.get().close();
                }
                throw e;
            }
            out.add(new Attachment(name, staged.orElseThrow(() ->
                    ApiException.validation("Attachment " + name + " has no base64 data")), length));
        }
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw ApiException.validation("The publish document is malformed: " + problem);
        }
    }

    private static void close(List<Attachment> attachments) throws IOException {
        for (Attachment attachment : attachments) {
            attachment.staged().close();
        }
    }
}
