package app.realmoments.runtime;

import app.realmoments.emulator.RuntimeLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local stack's campus registry, from a committed file ({@code local/campuses.json}: a list of
 * {@code {campusId, name, timeZone, emailDomains}}), written at every start through the API itself, as an
 * admin would: a local user in the {@code admins} group calls {@code PUT /admin/campuses/{campusId}} for
 * each entry (idempotent). So a newcomer can verify {@code someone@<a demo domain>} with no setup.
 */
final class CampusSeed {

    static final String FILE = "local/campuses.json";
    static final String ROUTE = "PUT /admin/campuses/{campusId}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CampusSeed() {
    }

    /** Seeds when the repository has the file and the stack serves the route; logs what it did. */
    static void seed(DevStack stack, boolean serves) {
        Path file = stack.root().resolve(FILE);
        if (!serves || !Files.isRegularFile(file) || stack.apiUrl() == null) {
            return;
        }
        JsonNode campuses;
        try {
            campuses = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
        String token = stack.login("local-admin", List.of("admins")).idToken();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int seeded = 0;
        for (JsonNode campus : campuses) {
            String id = campus.path("campusId").asText();
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/admin/campuses/" + id))
                    .header("Authorization", "Bearer " + token).header("content-type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                            .put("name", campus.path("name").asText())
                            .put("timeZone", campus.path("timeZone").asText())
                            .set("emailDomains", campus.path("emailDomains")).toString()))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException(FILE + ": campus " + id + " was refused: " + response.body());
                }
                seeded++;
            } catch (IOException e) {
                throw new IllegalStateException("cannot seed campus " + id + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        RuntimeLog.info("campus registry seeded from " + FILE + ": " + seeded + " campuses");
    }
}
