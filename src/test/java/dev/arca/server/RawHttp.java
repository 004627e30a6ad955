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

    /** Reads a response's status line and headers, up to the blank line that ends them. */
    public static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                break;
            }
        }
        return head.toString();
    }

    /** The Content-Length a response head declares (0 without one). */
    public static int contentLength(String head) {
        return head.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElse(0);
    }
}
