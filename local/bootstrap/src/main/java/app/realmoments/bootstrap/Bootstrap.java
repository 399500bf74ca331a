package app.realmoments.bootstrap;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a local function container: a JVM whose class path is the function's jar, then
 * this bootstrap (with aws-lambda-java-core and its serializer). Like a Lambda runtime it reads
 * {@code AWS_LAMBDA_RUNTIME_API} and {@code _HANDLER}, creates the handler (init: its class loaded and
 * initialized, one instance constructed), then asks the Runtime API for invocations one at a time:
 * {@code GET /2018-06-01/runtime/invocation/next}, then {@code POST .../invocation/{id}/response} or
 * {@code .../error}; a failed init is reported to {@code POST .../runtime/init/error} and ends the process.
 *
 * <p>One thing Lambda's API does not have: when the local runtime wants the container to end by
 * itself (so that the JVM exits normally, which is when it writes an AOT cache it was asked to
 * record), {@code /next} answers {@value #EXIT_STATUS} instead of an invocation, and the bootstrap
 * exits with status 0.
 *
 * <p>It stays small on purpose, since its own start-up is part of every cold start: HttpURLConnection,
 * no JSON library of its own (the serializer loads only for handlers that are not stream handlers).
 */
public final class Bootstrap {

    /** What {@code /next} answers to say "exit now" (HTTP 410 Gone). */
    public static final int EXIT_STATUS = 410;
    /** How init/error and error reports say the handler could not be found or created by the runtime. */
    public static final String NO_SUCH_HANDLER = "Runtime.NoSuchHandler";

    private Bootstrap() {
    }

    public static void main(String[] args) {
        String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
        String handler = System.getenv("_HANDLER");
        if (api == null || handler == null) {
            System.err.println("bootstrap: AWS_LAMBDA_RUNTIME_API and _HANDLER must be set");
            System.exit(2);
        }
        String runtime = "http://" + api + "/2018-06-01/runtime/";
        try {
            RequestStreamHandler function;
            try {
                function = LambdaHandler.factory(handler, ClassLoader.getSystemClassLoader()).call();
            } catch (ReflectiveOperationException e) {
                post(runtime + "init/error", NO_SUCH_HANDLER, ErrorJson.of(e).getBytes(StandardCharsets.UTF_8));
                System.exit(1);
                return;
            } catch (Throwable e) {
                post(runtime + "init/error", "Unhandled", ErrorJson.of(e).getBytes(StandardCharsets.UTF_8));
                System.exit(1);
                return;
            }
            serve(runtime, function, InvocationContext.Function.of(System.getenv()));
        } catch (IOException e) {
            System.err.println("bootstrap: the Runtime API at " + api + " is gone (" + e + "); exiting");
            System.exit(1);
        }
    }

    /** The invocation loop: until /next says exit (or the Runtime API goes away). */
    private static void serve(String runtime, RequestStreamHandler function, InvocationContext.Function context)
            throws IOException {
        while (true) {
            HttpURLConnection next = (HttpURLConnection) URI.create(runtime + "invocation/next").toURL().openConnection();
            next.setReadTimeout(0); // a long poll: the next event may come much later
            int status = next.getResponseCode();
            if (status == EXIT_STATUS) {
                drain(next);
                System.exit(0);
            }
            if (status != 200) {
                throw new IOException("GET invocation/next answered " + status);
            }
            String requestId = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
            long deadline = Long.parseLong(next.getHeaderField("Lambda-Runtime-Deadline-Ms"));
            String arn = next.getHeaderField("Lambda-Runtime-Invoked-Function-Arn");
            byte[] event;
            try (InputStream in = next.getInputStream()) {
                event = in.readAllBytes();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                function.handleRequest(new ByteArrayInputStream(event), out,
                        new InvocationContext(context, requestId, arn, deadline));
            } catch (Throwable e) {
                post(runtime + "invocation/" + requestId + "/error", "Unhandled",
                        ErrorJson.of(e).getBytes(StandardCharsets.UTF_8));
                if (e instanceof Error && !(e instanceof AssertionError)) {
                    System.exit(1); // a JVM after an Error is not trusted with another event
                }
                continue;
            }
            post(runtime + "invocation/" + requestId + "/response", null, out.toByteArray());
        }
    }

    private static void post(String url, String errorType, byte[] body) throws IOException {
        HttpURLConnection post = (HttpURLConnection) URI.create(url).toURL().openConnection();
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setFixedLengthStreamingMode(body.length);
        if (errorType != null) {
            post.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        try (OutputStream out = post.getOutputStream()) {
            out.write(body);
        }
        int status = post.getResponseCode();
        drain(post);
        if (status / 100 != 2) {
            throw new IOException("POST " + url + " answered " + status);
        }
    }

    /** Reads the answer to its end, so that the connection is kept for the next request. */
    private static void drain(HttpURLConnection connection) throws IOException {
        InputStream in = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream();
        if (in != null) {
            try (in) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
