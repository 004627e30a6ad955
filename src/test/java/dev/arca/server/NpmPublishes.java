package dev.arca.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** What {@code npm publish} sends for one version, for tests that publish without the npm client. */
public final class NpmPublishes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NpmPublishes() {
    }

    /** The publish document of {@code name@version} with {@code tarball} attached, as npm sends it to {@code registry}. */
    public static byte[] document(String registry, String name, String version, byte[] tarball) {
        try {
            ObjectNode root = JSON.createObjectNode().put("_id", name).put("name", name);
            root.putObject("dist-tags").put("latest", version);
            ObjectNode manifest = root.putObject("versions").putObject(version);
            manifest.put("name", name).put("version", version).put("_id", name + "@" + version);
            manifest.putObject("dist")
                    .put("integrity", "sha512-" + Base64.getEncoder().encodeToString(
                            MessageDigest.getInstance("SHA-512").digest(tarball)))
                    .put("shasum", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(tarball)))
                    .put("tarball", registry + name + "/-/" + name + "-" + version + ".tgz");
            root.putObject("_attachments").putObject(name + "-" + version + ".tgz")
                    .put("content_type", "application/octet-stream")
                    .put("data", Base64.getEncoder().encodeToString(tarball))
                    .put("length", tarball.length);
            return JSON.writeValueAsBytes(root);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
