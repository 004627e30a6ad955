package dev.arca.server.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.error.ApiException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Multipart forms read part by part: boundaries anywhere in the stream, binary content, and malformed bodies. */
class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    @Test
    void readsFieldsAndFilesWhateverTheChunksTheBodyArrivesIn() throws Exception {
        byte[] file = new byte[200_000];
        new Random(3).nextBytes(file);
        // Bytes that look like the start of a boundary must stay content.
        System.arraycopy("\r\n--Xy".getBytes(StandardCharsets.ISO_8859_1), 0, file, 1000, 6);
        byte[] body = concat(("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"
                + "hello\r\n--XyZ  \r\nContent-Disposition: form-data; name=\"content\"; filename=\"a \\\"b\\\".whl\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), file,
                "\r\n--XyZ--\r\nepilogue".getBytes(StandardCharsets.ISO_8859_1));
        for (int chunk : List.of(1, 7, 8192, Integer.MAX_VALUE)) {
            MultipartForm form = MultipartForm.of(trickle(body, chunk), Optional.of(TYPE));
            MultipartForm.Part name = form.next().orElseThrow();
            assertThat(name.name()).isEqualTo("name");
            assertThat(name.fileName()).isEmpty();
            assertThat(MultipartForm.text(name, 100)).isEqualTo("hello");
            MultipartForm.Part content = form.next().orElseThrow();
            assertThat(content.fileName()).contains("a \"b\".whl");
            assertThat(content.content().readAllBytes()).as("chunks of %d", chunk).isEqualTo(file);
            assertThat(form.next()).isEmpty();
            assertThat(form.next()).isEmpty();
        }
    }

    @Test
    void skipsWhatAReaderLeavesOfAPartAndReadsQuotedBoundaries() throws Exception {
        String body = "--a:b\r\nContent-Disposition: form-data; name=\"one\"\r\n\r\nfirst value\r\n"
                + "--a:b\r\nContent-Disposition: form-data; name=\"two\"\r\n\r\n\r\n--a:b--";
        MultipartForm form = MultipartForm.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                Optional.of("Multipart/Form-Data; charset=utf-8; boundary=\"a:b\""));
        List<String> names = new ArrayList<>();
        Optional<MultipartForm.Part> part;
        while ((part = form.next()).isPresent()) {
            names.add(part.get().name());
        }
        assertThat(names).containsExactly("one", "two");
    }

    @Test
    void malformedFormsAreValidationErrors() {
        assertThat(refusal("application/json", "{}")).contains("multipart/form-data with a boundary");
        assertThat(refusal(TYPE, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"))
                .contains("closing boundary");
        assertThat(refusal(TYPE, "--XyZ\r\nContent-Disposition: attachment\r\n\r\nx\r\n--XyZ--"))
                .contains("form-data with a name");
        assertThat(refusal(TYPE, "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--"))
                .contains("unterminated");
        assertThat(refusal(TYPE, "--XyZ\r\n" + "X-Long: " + "y".repeat(9000) + "\r\n\r\nx\r\n--XyZ--"))
                .contains("longer than");
        assertThat(refusal(TYPE, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZjunk"))
                .contains("line break");
        assertThat(MultipartForm.isForm(Optional.of(TYPE))).isTrue();
        assertThat(MultipartForm.isForm(Optional.empty())).isFalse();
    }

    private static String refusal(String type, String body) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            MultipartForm form = MultipartForm.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                    Optional.of(type));
            Optional<MultipartForm.Part> part;
            while ((part = form.next()).isPresent()) {
                part.get().content().readAllBytes();
            }
        });
        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(((ApiException) thrown).status()).isEqualTo(400);
        return thrown.getMessage();
    }

    private static InputStream trickle(byte[] body, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, chunk));
            }
        };
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
