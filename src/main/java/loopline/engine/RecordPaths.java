package loopline.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and replaces one component of nested records by a dotted path ({@code "training.gpuCount"}), so a
 * field declaration can edit a setup without a hand-written wither repeating every component. Accessors
 * and canonical constructors are looked up once per record class.
 */
public final class RecordPaths {
    private record Shape(RecordComponent[] components, MethodHandle[] accessors, MethodHandle constructor) {
        int index(String name) {
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no component " + name);
        }
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RecordPaths() {
    }

    static Object get(Record root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            Shape shape = shape(current.getClass());
            current = invoke(shape.accessors()[shape.index(part)], current);
        }
        return current;
    }

    /** A copy of {@code root} with the component at {@code path} replaced; numbers are narrowed to the component's type. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R root, String path, Object value) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        Shape shape = shape(root.getClass());
        int i = shape.index(head);
        Object[] args = new Object[shape.components().length];
        for (int k = 0; k < args.length; k++) {
            args[k] = invoke(shape.accessors()[k], root);
        }
        args[i] = dot < 0 ? coerce(value, shape.components()[i].getType())
                : with((Record) args[i], path.substring(dot + 1), value);
        try {
            return (R) (Object) shape.constructor().invokeExact(args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A record of {@code type} with every component zero, false or null, nested records blank too: the start of a build. */
    static <R extends Record> R blank(Class<R> type) {
        Shape shape = shape(type);
        Object[] args = Arrays.stream(shape.components()).map(c -> blankValue(c.getType())).toArray();
        try {
            return type.cast((Object) shape.constructor().invokeExact(args));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object blankValue(Class<?> type) {
        if (type.isRecord()) {
            return blank((Class<? extends Record>) type);
        }
        if (type == boolean.class) {
            return false;
        }
        return type.isPrimitive() ? coerce(0, type) : null;
    }

    private static Object coerce(Object value, Class<?> type) {
        if (value instanceof Number n) {
            if (type == int.class) {
                return n.intValue();
            }
            if (type == long.class) {
                return n.longValue();
            }
            if (type == double.class) {
                return n.doubleValue();
            }
        }
        return value;
    }

    private static Object invoke(MethodHandle accessor, Object target) {
        try {
            return (Object) accessor.invokeExact(target);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, RecordPaths::inspect);
    }

    private static Shape inspect(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            // Handles typed (Object)Object and (Object[])Object, so calls are invokeExact: no per-call type adaptation.
            MethodHandle[] accessors = new MethodHandle[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = lookup.unreflect(components[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
                types[i] = components[i].getType();
            }
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
            MethodHandle spread = constructor.asType(constructor.type().generic()).asSpreader(Object[].class, types.length);
            return new Shape(components, accessors, spread);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not a public record", e);
        }
    }
}
