package app.realmoments.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy on 127.0.0.1 in front of the emulator that makes AWS misbehave the two ways it does in
 * production: it refuses some requests (503, nothing applied) and, worse, applies some writes and then
 * loses their answer (the connection drops after the emulator answered). Only the AWS SDK's calls are
 * touched (a client app's own requests pass), never two in a row, so the SDK's retries get through.
 * The first write of each operation always loses its answer, then every {@code loseEvery}-th; every
 * {@code refuseEvery}-th other call is refused. Arm it once the stack is up.
 */
final class FaultInjector implements AutoCloseable {

    /** Headers the JDK client sets itself or refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    /** DynamoDB and SQS operations that change something: the ones whose lost answer can double an effect. */
    private static final List<String> WRITES = List.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "SendMessage", "SendMessageBatch", "DeleteMessage", "DeleteMessageBatch");

    private final URI target;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int refuseEvery;
    private final int loseEvery;
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger writesSeen = new AtomicInteger();
    private volatile boolean armed;
    private volatile boolean lastFaulted;
    /** Write operations whose answer was lost once already: the first of each always is, so every kind is tried. */
    private final Set<String> lostOnce = new java.util.HashSet<>();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong lostAnswers = new AtomicLong();


    /** Every {@code refuseEvery}-th SDK call is refused, every {@code loseEvery}-th write applied and its answer lost. */
    FaultInjector(String target, int refuseEvery, int loseEvery) throws IOException {
        this.target = URI.create(target);
        this.refuseEvery = refuseEvery;
        this.loseEvery = loseEvery;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fault-injector").start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void arm(boolean on) {
        armed = on;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One request per connection (answered with Connection: close), so dropping one drops only it. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String requestLine = line(in);
            if (requestLine == null || requestLine.isBlank()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            byte[] body = body(in, headers);
            String[] parts = requestLine.split(" ");
            Fault fault = decide(headers, body);
            OutputStream out = socket.getOutputStream();
            if (fault == Fault.REFUSE) {
                byte[] answer = "{\"__type\":\"ServiceUnavailable\",\"message\":\"injected\"}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
                        + answer.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
                return;
            }
            HttpResponse<byte[]> response = forward(parts[0], parts[1], headers, body);
            if (fault == Fault.LOSE_ANSWER) {
                return; // applied by the emulator; the caller never hears of it
            }
            StringBuilder head = new StringBuilder("HTTP/1.1 " + response.statusCode() + " X\r\n");
            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
                }
            });
            head.append("Content-Length: ").append(response.body().length).append("\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(response.body());
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the caller went away, or the proxy is closing
        }
    }

    private enum Fault { NONE, REFUSE, LOSE_ANSWER }

    private synchronized Fault decide(Map<String, String> headers, byte[] body) {
        String agent = header(headers, "user-agent");
        if (!armed || agent == null || !agent.startsWith("aws-sdk-java")) {
            return Fault.NONE;
        }
        Fault fault = Fault.NONE;
        if (!lastFaulted) {
            String target = header(headers, "x-amz-target");
            boolean write = target != null && WRITES.stream().anyMatch(op -> target.endsWith("." + op));
            if (write && (lostOnce.add(target) || writesSeen.incrementAndGet() % loseEvery == 0)) {
                fault = Fault.LOSE_ANSWER;
                lostAnswers.incrementAndGet();
            } else if (seen.incrementAndGet() % refuseEvery == 0) {
                fault = Fault.REFUSE;
                refused.incrementAndGet();
            }
        }
        lastFaulted = fault != Fault.NONE;
        return fault;
    }

    private HttpResponse<byte[]> forward(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        String length = header(headers, "content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        if ("chunked".equalsIgnoreCase(header(headers, "transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                out.write(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailers are dropped: the emulator does not check them
            }
            return out.toByteArray();
        }
        return new byte[0];
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
