package app.realmoments.screening.rekognition;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Rekognition on 127.0.0.1 (a free port) answering each request with the next queued recorded response
 * (the last one again once the queue is down to it), remembering what it was sent. Closing stops it.
 */
final class RecordedRekognition implements AutoCloseable {

    record Answer(int status, String errorType, String fixture) {
    }

    record Request(String target, String body) {
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    final List<Request> requests = new ArrayList<>();

    RecordedRekognition() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Answer answer;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answer = answers.size() > 1 ? answers.poll() : answers.peek();
            }
            byte[] body = fixture(answer.fixture());
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "3f6b2c1e-0000-4000-8000-00000000000" + requests.size() % 10);
            if (answer.errorType() != null) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorType());
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    synchronized RecordedRekognition answer(int status, String errorType, String fixture) {
        answers.add(new Answer(status, errorType, fixture));
        return this;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = RecordedRekognition.class.getResourceAsStream("/rekognition/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
