package app.realmoments.runtime;

import app.realmoments.emulator.RuntimeLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The emails the stack sent, as the emulator's SES kept them (moto, through the runtime's moto_server.py:
 * GET /_emulator/ses/messages): served newest first at GET /_local/emails as {@code items: [{to,
 * subject, text, sentAt}]}, and each new one printed to the runtime's log by a watcher, so a developer
 * reads a verification code without any mail setup.
 */
public final class LocalEmails implements AutoCloseable {

    static final String EMULATOR_PATH = "/_emulator/ses/messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private Thread watcher;
    private volatile boolean closed;

    public LocalEmails(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Every email, newest first; empty when the emulator keeps none it can show (another emulator). */
    public ObjectNode list() {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putArray("items");
        List<JsonNode> sent = sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            JsonNode message = sent.get(i);
            ObjectNode item = items.addObject();
            JsonNode to = message.path("to");
            item.put("to", to.isArray() && !to.isEmpty() ? to.get(0).asText() : "");
            item.put("subject", message.path("subject").asText());
            item.put("text", message.path("text").asText());
            item.put("sentAt", message.path("sentAt").asText());
        }
        return answer;
    }

    /** Starts printing each email the stack sends, checking every {@code periodMillis}. */
    public synchronized void watch(long periodMillis) {
        if (watcher != null) {
            return;
        }
        int[] seen = {sent().size()};
        watcher = Thread.ofPlatform().daemon().name("local-emails").start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
                List<JsonNode> sent = sent();
                for (int i = seen[0]; i < sent.size(); i++) {
                    JsonNode m = sent.get(i);
                    RuntimeLog.info("email to " + String.join(", ", texts(m.path("to"))) + ": " + m.path("subject").asText()
                            + "\n" + m.path("text").asText().strip().indent(4).stripTrailing());
                }
                seen[0] = Math.max(seen[0], sent.size());
            }
        });
    }

    private List<JsonNode> sent() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint + EMULATOR_PATH).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            if (connection.getResponseCode() != 200) {
                return List.of();
            }
            try (InputStream in = connection.getInputStream()) {
                List<JsonNode> messages = new ArrayList<>();
                JSON.readTree(in).path("messages").forEach(messages::add);
                return messages;
            }
        } catch (IOException unreachable) {
            return List.of();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
    }
}
