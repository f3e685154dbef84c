package dev.blueprint.core.generate.storage;

import dev.blueprint.core.model.Field;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Field names made valid for a schema language, unique within one record. */
final class FieldNames {
  private FieldNames() {}

  /** Each field with its name in the target language, in the dataset's order. */
  static Map<Field, String> unique(List<Field> fields, UnaryOperator<String> sanitise) {
    Map<Field, String> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Field f : fields) {
      String base = sanitise.apply(f.name());
      String name = base;
      for (int i = 2; !used.add(name); i++) {
        name = base + "_" + i;
      }
      out.put(f, name);
    }
    return out;
  }
}
