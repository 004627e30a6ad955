package dev.arca.server.formats.pypi;

import dev.arca.server.PythonDists;
import dev.arca.server.formats.PackageApiFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A server with a domain, and an HTTP client speaking the simple index and legacy upload APIs with a token. */
abstract class PypiApiFixture extends PackageApiFixture {

    static final String BOUNDARY = "----arca-test-boundary";

    PypiApiFixture() {
        this(false);
    }

    /** A fixture for the endpoint security tests when {@code secured}: see {@link PackageApiFixture}. */
    PypiApiFixture(boolean secured) {
        super("pypi", secured);
    }

    /** The token as pip and twine send it. */
    @Override
    protected String authorization() {
        return basicAuthorization();
    }

    /** A form field or file, in the order twine sends them. */
    record Field(String name, String fileName, byte[] value) {
        static Field of(String name, String value) {
            return new Field(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The fields twine sends for a file of a project: metadata, digests, then the file as {@code content}. */
    static List<Field> twineForm(PythonDists.Project project, String fileName, byte[] content) {
        List<Field> fields = new ArrayList<>(List.of(Field.of(":action", "file_upload"),
                Field.of("protocol_version", "1"), Field.of("metadata_version", "2.1"),
                Field.of("name", project.name()), Field.of("version", project.version()),
                Field.of("filetype", fileName.endsWith(".whl") ? "bdist_wheel" : "sdist"),
                Field.of("pyversion", fileName.endsWith(".whl") ? "py3" : "source"),
                Field.of("summary", project.summary()), Field.of("home_page", "https://example.invalid/home"),
                Field.of("license", "MIT"), Field.of("description", project.readme()),
                Field.of("description_content_type", "text/markdown"),
                Field.of("requires_python", project.requiresPython()),
                Field.of("project_urls", "Source, https://example.invalid/src")));
        project.requiresDist().forEach(r -> fields.add(Field.of("requires_dist", r)));
        fields.add(Field.of("md5_digest", hex("MD5", content)));
        fields.add(Field.of("sha256_digest", hex("SHA-256", content)));
        fields.add(new Field("content", fileName, content));
        return fields;
    }

    static byte[] multipart(List<Field> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field field : fields) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.name() + "\""
                    + (field.fileName() == null ? "" : "; filename=\"" + field.fileName() + "\"")
                    + (field.fileName() == null ? "" : "\r\nContent-Type: application/octet-stream")
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(field.value());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    HttpResponse<byte[]> upload(String repository, List<Field> fields) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(endpoint(repository)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fields))),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    /** Uploads a project's wheel and sdist, as twine does; returns the wheel's bytes. */
    byte[] publish(String repository, PythonDists.Project project) throws Exception {
        byte[] wheel = PythonDists.wheel(project);
        expectOk(upload(repository, twineForm(project, project.wheelName(), wheel)));
        expectOk(upload(repository, twineForm(project, project.sdistName(), PythonDists.sdist(project))));
        return wheel;
    }

    static void expectOk(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + text(response));
        }
    }

    /**
     * Sends a request line exactly as given, for paths no HTTP client library would send, declaring whatever
     * Content-Length it is told; returns the status.
     */
    int raw(String method, String rawPath, String contentType, byte[] body, long declaredLength) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            String head = method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + declaredLength
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            try (InputStream in = socket.getInputStream()) {
                String status = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst()
                        .orElse("");
                return Integer.parseInt(status.split(" ")[1]);
            }
        }
    }
}
