package app.realmoments.runtime.gateway;

import app.realmoments.runtime.events.Schedule;
import app.realmoments.runtime.lambda.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The runtime's own paths on the API port, which no template route can take: POST
 * /_local/schedules/{Function}[/{Event}] runs a function now with what its schedule delivers
 * (schedules never fire by themselves locally), GET /_local/outputs answers what outputs.json holds, GET
 * /_local/emails every email the stack sent, newest first (api.md, "Local only").
 */
public final class LocalPaths {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LocalPaths() {
    }

    /** Serves the paths on the gateway; each request reads the schedules, outputs and emails as they are then. */
    public static void serve(ApiGateway gateway, Supplier<List<Schedule>> schedules,
                             Function<Schedule, Invocation> fire, Supplier<JsonNode> outputs, Supplier<JsonNode> emails) {
        gateway.internal("/_local/schedules/", exchange -> fireSchedule(exchange, schedules.get(), fire));
        gateway.internal("/_local/outputs", exchange -> respond(exchange, 200, JSON.writeValueAsString(outputs.get())));
        gateway.internal("/_local/emails", exchange -> {
            if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, "{\"message\":\"use GET\"}");
                return;
            }
            respond(exchange, 200, JSON.writeValueAsString(emails.get()));
        });
    }

    private static void fireSchedule(HttpExchange exchange, List<Schedule> schedules,
                                     Function<Schedule, Invocation> fire) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 405, "{\"message\":\"use POST\"}");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().substring("/_local/schedules/".length()).split("/");
        Schedule schedule = schedules.stream().filter(s -> s.function().equals(parts[0])
                && (parts.length < 2 || s.event().equals(parts[1]))).findFirst().orElse(null);
        if (schedule == null) {
            var body = JSON.createObjectNode().put("message", "no schedule " + String.join("/", parts));
            body.set("schedules", JSON.valueToTree(schedules));
            respond(exchange, 404, body.toString()); // toString: compact, whatever JSON indents
            return;
        }
        Invocation invocation = fire.apply(schedule);
        respond(exchange, invocation.failed() ? 500 : 200, invocation.response());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
