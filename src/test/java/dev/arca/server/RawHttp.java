package dev.arca.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Requests sent exactly as written, for paths and headers no HTTP client library would send. */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends one request to 127.0.0.1 and returns the status of the answer.
     *
     * @param declaredLength the Content-Length to declare, whatever the body's length
     */
    public static int status(int port, String method, String rawPath, String authorization, String contentType,
                             String body, long declaredLength) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String request = method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + authorization + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + declaredLength
                    + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = socket.getInputStream()) {
                String status = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst()
                        .orElse("");
                return Integer.parseInt(status.split(" ")[1]);
            }
        }
    }
}
