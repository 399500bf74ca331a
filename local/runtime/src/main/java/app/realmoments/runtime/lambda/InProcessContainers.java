package app.realmoments.runtime.lambda;

import app.realmoments.bootstrap.InvocationContext;
import app.realmoments.bootstrap.LambdaHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Containers in the runtime's own JVM: the function's jar in a class loader of its own (see
 * {@link LambdaRuntimeClassLoader}), its environment installed before its handler class is
 * initialised, a handler instance per container, the thread context class loader set to the
 * function's during a call. Fast to start (the test suite runs this way); a timed-out call cannot be
 * stopped, only abandoned.
 */
final class InProcessContainers implements Containers {

    private final FunctionSpec spec;
    private final Path jar;
    private final Map<String, String> environment;
    private final InvocationContext.Function context;
    private final String arn;
    private Loaded loaded;
    private int live;
    private boolean closed;

    /** The function's class loader and its handler factory (the bootstrap's LambdaHandler, the function's copy). */
    private record Loaded(URLClassLoader loader, Callable<RequestStreamHandler> factory) {
    }

    InProcessContainers(FunctionSpec spec, Path jar, Map<String, String> environment, String arn) {
        this.spec = spec;
        this.jar = jar;
        this.environment = environment;
        this.arn = arn;
        this.context = InvocationContext.Function.of(spec.lambdaVariables());
    }

    @Override
    public Container start() throws Exception {
        Loaded handler = loaded();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(handler.loader());
        try {
            RequestStreamHandler instance = handler.factory().call();
            synchronized (this) {
                live++;
            }
            return new InProcessContainer(handler.loader(), instance);
        } catch (Exception | LinkageError e) {
            synchronized (this) {
                // A failed init is retried from scratch next time, in a fresh class loader, as Lambda would.
                if (live == 0 && loaded == handler) {
                    closeLoader();
                }
            }
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Loads the jar and the handler class on first use (the function's init phase). */
    private synchronized Loaded loaded() throws Exception {
        if (loaded != null) {
            return loaded;
        }
        if (closed) {
            throw new IllegalStateException("the function " + spec.logicalId() + " is stopped");
        }
        LambdaRuntimeClassLoader runtime = new LambdaRuntimeClassLoader(LocalFunction.class.getClassLoader());
        URLClassLoader loader = new URLClassLoader("function:" + spec.logicalId(),
                new URL[] {jar.toUri().toURL()}, runtime);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            installEnvironment(loader);
            Method factory = Class.forName(LambdaHandler.class.getName(), true, loader)
                    .getMethod("factory", String.class, ClassLoader.class);
            @SuppressWarnings("unchecked")
            Callable<RequestStreamHandler> handlers = (Callable<RequestStreamHandler>) unwrap(() ->
                    factory.invoke(null, spec.handler(), loader));
            loaded = new Loaded(loader, handlers);
            return loaded;
        } catch (ReflectiveOperationException e) {
            close(loader);
            throw LocalFunction.FunctionInitException.of(spec, jar, e.getClass().getName(), e.getMessage());
        } catch (Exception | LinkageError e) {
            close(loader);
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Gives the function its environment through its own copy of the shared Environment class, if it has one. */
    private void installEnvironment(ClassLoader loader) throws Exception {
        Class<?> environmentClass;
        try {
            environmentClass = Class.forName("app.realmoments.config.Environment", true, loader);
        } catch (ClassNotFoundException absent) {
            return;
        }
        Method install = environmentClass.getMethod("install", Map.class);
        unwrap(() -> install.invoke(null, environment));
    }

    /** Runs a reflective call, throwing what the called method threw. */
    private static Object unwrap(Callable<Object> call) throws Exception {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
            if (loader.getParent() instanceof URLClassLoader runtime) {
                runtime.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    private synchronized void closeLoader() {
        if (loaded != null) {
            close(loaded.loader());
            loaded = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeLoader();
    }

    /** One handler instance. */
    private final class InProcessContainer implements Container {
        private final ClassLoader loader;
        private final RequestStreamHandler handler;
        private boolean closed;

        InProcessContainer(ClassLoader loader, RequestStreamHandler handler) {
            this.loader = loader;
            this.handler = handler;
        }

        @Override
        public String invoke(String requestId, String eventJson, long deadlineEpochMs) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out,
                        new InvocationContext(context, requestId, arn, deadlineEpochMs));
                return out.toString(StandardCharsets.UTF_8);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public boolean reusable() {
            return true;
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public void close() {
            synchronized (InProcessContainers.this) {
                if (!closed) {
                    closed = true;
                    live--;
                }
            }
        }
    }
}
