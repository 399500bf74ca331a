package app.realmoments.runtime.lambda;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.stream.Stream;

/**
 * The parent of a function's class loader: what the Lambda Java runtime itself provides, and nothing
 * else of this runtime's class path.
 * <ul>
 *   <li>the JDK (platform classes);</li>
 *   <li>the Lambda runtime interface, {@code com.amazonaws.services.lambda.runtime.*} of
 *       aws-lambda-java-core, shared with the runtime (so the Context it passes is the Context the
 *       handler knows), but not the event types ({@code ...runtime.events.*});</li>
 *   <li>the runtime's serializer, aws-lambda-java-serialization with its shaded libraries
 *       ({@code ...runtime.serialization.*}, {@code com.amazonaws.lambda.thirdparty.*}): a copy of its
 *       own for each function, because that library keeps per-process state (its Jackson modules and
 *       serializers remember the class loader of the first function that used them) and Lambda runs
 *       one function per process;</li>
 *   <li>a copy of the bootstrap's handler code ({@code app.realmoments.bootstrap.*}, see
 *       LambdaHandler), so that it calls the function's own copy of the serializer.</li>
 * </ul>
 * Jackson, the AWS SDK, the event types, Joda-Time: all must come from the function's jar, as in Lambda.
 */
public final class LambdaRuntimeClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";
    private static final String SERIALIZATION_PACKAGE = "com.amazonaws.services.lambda.runtime.serialization.";
    private static final String SERIALIZER_SHADED = "com.amazonaws.lambda.thirdparty.";
    private static final String BOOTSTRAP_PACKAGE = "app.realmoments.bootstrap.";

    private final ClassLoader runtime;

    /** @param runtime the runtime's own loader, which has aws-lambda-java-core and -serialization */
    public LambdaRuntimeClassLoader(ClassLoader runtime) {
        super("lambda-runtime", Stream.of(SERIALIZATION_PACKAGE + "PojoSerializer",
                        BOOTSTRAP_PACKAGE + "LambdaHandler").map(name -> location(runtime, name)).distinct()
                .toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.runtime = runtime;
    }

    /**
     * Where the runtime has the class: aws-lambda-java-serialization's or the bootstrap's jar (or
     * classes folder), or the runtime's shaded jar that holds both.
     */
    private static URL location(ClassLoader runtime, String className) {
        try {
            return runtime.loadClass(className).getProtectionDomain().getCodeSource().getLocation();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the runtime's class path", e);
        }
    }

    private static boolean sharedInterface(String className) {
        return className.startsWith(RUNTIME_PACKAGE) && !className.startsWith(EVENTS_PACKAGE)
                && !className.startsWith(SERIALIZATION_PACKAGE);
    }

    /** What each function gets a copy of: the serializer and the bootstrap's handler code. */
    private static boolean serializer(String className) {
        return className.startsWith(SERIALIZATION_PACKAGE) || className.startsWith(SERIALIZER_SHADED)
                || className.startsWith(BOOTSTRAP_PACKAGE);
    }

    private static String className(String resource) {
        return resource.replace('/', '.');
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                if (sharedInterface(name)) {
                    type = runtime.loadClass(name);
                } else if (serializer(name)) {
                    type = findClass(name);
                } else {
                    type = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name) {
        String asClass = className(name);
        if (serializer(asClass)) {
            return findResource(name);
        }
        if (sharedInterface(asClass)) {
            return runtime.getResource(name);
        }
        return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        String asClass = className(name);
        if (serializer(asClass)) {
            return findResources(name);
        }
        if (sharedInterface(asClass)) {
            return runtime.getResources(name);
        }
        return getParent().getResources(name);
    }

    @Override
    public String toString() {
        try {
            return "lambda-runtime(" + Path.of(getURLs()[0].toURI()).getFileName() + ")";
        } catch (URISyntaxException | RuntimeException e) {
            return "lambda-runtime";
        }
    }
}
