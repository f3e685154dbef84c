package dev.blueprint.core.validate;

import dev.blueprint.core.model.NonFunctionalRequirement;
import java.util.ArrayList;
import java.util.List;

/**
 * BP-NFR-001 a non-functional requirement that is half structured: once it gives a metric,
 * comparator, value or unit, it needs metric, comparator, value and unit, or the number means
 * nothing. (One given only as text is allowed; the advisor flags it as vague.) BP-NFR-002 a
 * percentage outside 0..100.
 */
final class NfrRules implements Rule {

  @Override
  public void check(Context c) {
    List<NonFunctionalRequirement> nfrs = c.blueprint().requirements().nonFunctional();
    for (int i = 0; i < nfrs.size(); i++) {
      NonFunctionalRequirement n = nfrs.get(i);
      String p = "requirements.nonFunctional[" + i + "]";
      boolean started =
          n.metric() != null || n.comparator() != null || n.value() != null || n.unit() != null;
      if (started) {
        List<String> missing = new ArrayList<>();
        if (n.metric() == null || n.metric().isBlank()) {
          missing.add("metric");
        }
        if (n.comparator() == null) {
          missing.add("comparator");
        }
        if (n.value() == null) {
          missing.add("value");
        }
        if (n.unit() == null || n.unit().isBlank()) {
          missing.add("unit");
        }
        if (!missing.isEmpty()) {
          c.error(
              "BP-NFR-001",
              p + ".id",
              "non-functional requirement '"
                  + n.id()
                  + "' is measurable only in part: it has no "
                  + String.join(", ", missing),
              "give metric, comparator, value and unit (and scope and time frame), or only text");
        }
      }
      if ("%".equals(n.unit()) && n.value() != null && (n.value() < 0 || n.value() > 100)) {
        c.error(
            "BP-NFR-002",
            p + ".value",
            "non-functional requirement '"
                + n.id()
                + "' asks for "
                + n.value()
                + " %, outside 0 to 100");
      }
    }
  }
}
