package dev.blueprint.core.load;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.blueprint.core.load.Shape.EnumShape;
import dev.blueprint.core.load.Shape.ListShape;
import dev.blueprint.core.load.Shape.MapShape;
import dev.blueprint.core.load.Shape.ObjectShape;
import dev.blueprint.core.load.Shape.Property;
import dev.blueprint.core.load.Shape.Scalar;
import dev.blueprint.core.load.Shape.ScalarShape;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives the {@link Shape} of model records by reflection over their components.
 *
 * <p>Thread-safe: shapes are derived under one lock into a private map and published to the shared
 * cache only when complete, so a thread that races a first load never sees a record's shape with
 * its properties still being filled in (which read as "unknown key" for every key).
 */
public final class Shapes {
  private static final Map<Type, Shape> CACHE = new ConcurrentHashMap<>();

  private Shapes() {}

  /** The shape of a model type: a record, enum, list, map or scalar. */
  public static Shape of(Type type) {
    Shape cached = CACHE.get(type);
    if (cached != null) {
      return cached;
    }
    synchronized (CACHE) {
      cached = CACHE.get(type);
      if (cached != null) {
        return cached;
      }
      Map<Type, Shape> derived = new HashMap<>();
      Shape shape = resolve(type, derived);
      CACHE.putAll(derived);
      return shape;
    }
  }

  /** A shape from the shared cache, or from those derived in this call, or derived now. */
  private static Shape resolve(Type type, Map<Type, Shape> derived) {
    Shape known = CACHE.get(type);
    if (known == null) {
      known = derived.get(type);
    }
    if (known != null) {
      return known;
    }
    Shape shape = derive(type, derived);
    derived.put(type, shape);
    return shape;
  }

  private static Shape derive(Type type, Map<Type, Shape> derived) {
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return new ListShape(resolve(args[0], derived));
      }
      if (Map.class.isAssignableFrom(raw)) {
        if (args[0] != String.class) {
          throw new IllegalArgumentException("map keys must be strings: " + type);
        }
        return new MapShape(resolve(args[1], derived));
      }
      throw new IllegalArgumentException("unsupported model type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return new ScalarShape(Scalar.TEXT);
    }
    if (c == Integer.class || c == int.class) {
      return new ScalarShape(Scalar.INT);
    }
    if (c == Long.class || c == long.class) {
      return new ScalarShape(Scalar.LONG);
    }
    if (c == Double.class || c == double.class) {
      return new ScalarShape(Scalar.NUMBER);
    }
    if (c == Boolean.class || c == boolean.class) {
      return new ScalarShape(Scalar.BOOLEAN);
    }
    if (c == Duration.class) {
      return new ScalarShape(Scalar.DURATION);
    }
    if (c == LocalDate.class) {
      return new ScalarShape(Scalar.DATE);
    }
    if (c.isEnum()) {
      return new EnumShape(c, enumValues(c));
    }
    if (c.isRecord()) {
      return objectShape(c, derived);
    }
    throw new IllegalArgumentException("unsupported model type " + type);
  }

  private static ObjectShape objectShape(Class<?> c, Map<Type, Shape> derived) {
    // placeholder first, so that recursive types would terminate; only this call sees it
    Map<String, Property> properties = new LinkedHashMap<>();
    ObjectShape shape = new ObjectShape(c, Collections.unmodifiableMap(properties));
    derived.put(c, shape);
    for (RecordComponent rc : c.getRecordComponents()) {
      if (rc.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
        continue;
      }
      JsonProperty renamed = rc.getAccessor().getAnnotation(JsonProperty.class);
      String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : rc.getName();
      JsonPropertyDescription d = rc.getAccessor().getAnnotation(JsonPropertyDescription.class);
      properties.put(
          name,
          new Property(name, resolve(rc.getGenericType(), derived), d == null ? null : d.value()));
    }
    return shape;
  }

  /** The enum's values as written in YAML: their {@code @JsonProperty} names. */
  public static List<String> enumValues(Class<?> enumType) {
    List<String> values = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      try {
        JsonProperty p = enumType.getField(name).getAnnotation(JsonProperty.class);
        values.add(p != null ? p.value() : name);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(values);
  }
}
