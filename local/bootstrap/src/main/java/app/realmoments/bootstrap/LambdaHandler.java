package app.realmoments.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.Callable;

/**
 * A function's handler called the way the Lambda Java runtime calls it: the method the template's
 * Handler names, a stream handler given the event's bytes, any other handler its event deserialized
 * and its result serialized by Lambda's serializer (aws-lambda-java-serialization), the Context last.
 *
 * <p>Both of the local runtime's container kinds use it: the bootstrap of a container JVM (the
 * function's jar on the application class path), and the in-process mode, which loads a copy of this
 * class per function into the function's class loader so that each function has its own serializer.
 * Either way every handler is seen as a {@link RequestStreamHandler}: bytes in, bytes out.
 */
public final class LambdaHandler {

    private LambdaHandler() {
    }

    /**
     * Resolves a Handler ({@code package.Class::method}, or {@code package.Class} for
     * {@code handleRequest}) in the loader: loads and initializes the class, finds the method, prepares
     * the serializers. The returned factory makes one handler instance per call (one per container);
     * it throws what the handler's constructor throws.
     *
     * @throws ClassNotFoundException the class is not in the loader
     * @throws NoSuchMethodException  no public method of that name, or no public no-argument constructor
     * @throws InstantiationException the class is abstract
     */
    public static Callable<RequestStreamHandler> factory(String handler, ClassLoader loader)
            throws ReflectiveOperationException {
        int split = handler.indexOf("::");
        String className = split < 0 ? handler : handler.substring(0, split);
        String methodName = split < 0 ? "handleRequest" : handler.substring(split + 2);
        Class<?> type = Class.forName(className, true, loader);
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new InstantiationException("handler class " + type.getName() + " is abstract");
        }
        Method method = handlerMethod(type, methodName);
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new NoSuchMethodException("handler class " + type.getName()
                    + " has no public no-argument constructor");
        }
        Class<?>[] parameters = method.getParameterTypes();
        boolean stream = parameters.length >= 2 && parameters[0] == InputStream.class
                && parameters[1] == OutputStream.class;
        PojoSerializer<Object> input = null;
        PojoSerializer<Object> output = null;
        if (!stream) {
            Type[] generic = method.getGenericParameterTypes();
            for (int i = 0; i < generic.length; i++) {
                if (parameters[i] != Context.class) {
                    input = serializer(resolve(generic[i], type, 0), loader);
                }
            }
            output = serializer(resolve(method.getGenericReturnType(), type, 1), loader);
        }
        PojoSerializer<Object> in = input;
        PojoSerializer<Object> out = output;
        return () -> {
            Object target;
            try {
                target = constructor.newInstance();
            } catch (InvocationTargetException e) {
                throw sneaky(e.getCause());
            }
            return stream ? new StreamCall(target, method) : new PojoCall(target, method, in, out);
        };
    }

    /** The public, non-bridge method of that name; with overloads, the one taking most parameters. */
    private static Method handlerMethod(Class<?> type, String name) throws NoSuchMethodException {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic()
                        && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() <= 3)
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new NoSuchMethodException("no public method " + name + " in " + type.getName()));
    }

    /**
     * The Lambda Java runtime's choice: for a class it lists as a supported event (S3Event, SQSEvent,
     * DynamodbEvent, ScheduledEvent ...) {@code LambdaEventSerializers.serializerFor(type, loader)}
     * (whose date modules load Joda-Time from the function's jar); for anything else, the
     * APIGatewayV2HTTP types included, its plain shaded Jackson.
     */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        if (type instanceof Class<?> raw && LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) raw, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** A type variable of the handler method (a generic base class) resolved through RequestHandler's arguments. */
    private static Type resolve(Type type, Class<?> handler, int requestHandlerArgument) {
        if (!(type instanceof TypeVariable<?>)) {
            return type;
        }
        for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                        && raw.getName().equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
                    Type argument = p.getActualTypeArguments()[requestHandlerArgument];
                    if (!(argument instanceof TypeVariable<?>)) {
                        return argument;
                    }
                }
            }
        }
        return Object.class;
    }

    /** Calls the method, throwing what the handler threw (not InvocationTargetException). */
    private static Object call(Object target, Method method, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rethrows any throwable unchanged, checked ones included, as the handler threw it. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable error) throws T {
        throw (T) error;
    }

    /** A stream handler: the event's bytes in, its answer's bytes out. */
    private record StreamCall(Object target, Method method) implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            Object[] args = method.getParameterCount() == 3 ? new Object[] {input, output, context}
                    : new Object[] {input, output};
            call(target, method, args);
        }
    }

    /** Any other handler: the event deserialized, the result serialized ("null" for none). */
    private record PojoCall(Object target, Method method, PojoSerializer<Object> input, PojoSerializer<Object> output)
            implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws java.io.IOException {
            byte[] event = in.readAllBytes();
            Class<?>[] types = method.getParameterTypes();
            Object[] args = new Object[types.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = types[i] == Context.class ? context : input.fromJson(new ByteArrayInputStream(event));
            }
            Object result = call(target, method, args);
            if (method.getReturnType() == void.class || result == null) {
                out.write("null".getBytes(StandardCharsets.UTF_8));
            } else {
                output.toJson(result, out);
            }
        }
    }
}
