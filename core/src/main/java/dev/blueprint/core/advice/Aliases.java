package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.DecisionDef;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.advice.knowledge.OptionDef;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.PlatformFacts;
import dev.blueprint.core.model.Requirements;
import java.util.List;

/**
 * Product names where the format asks for option ids: {@code adopt: [postgresql]} means the
 * relational option, {@code avoids: dynamodb} the key-value one. Consultants write products; the
 * knowledge base lists them as each option's aliases, and the advice reads them as the option.
 */
public final class Aliases {
  private Aliases() {}

  /** The option id a name stands for: the id itself, or the option it is an alias of, or null. */
  public static String optionOf(String name, Knowledge kb) {
    if (name == null) {
      return null;
    }
    for (DecisionDef d : kb.decisions().values()) {
      for (OptionDef o : d.options()) {
        if (o.id().equals(name)) {
          return o.id();
        }
      }
    }
    for (DecisionDef d : kb.decisions().values()) {
      for (OptionDef o : d.options()) {
        if (o.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))) {
          return o.id();
        }
      }
    }
    return null;
  }

  /** The requirements with every product name in adopt, avoid, requires and avoids as its id. */
  static Blueprint resolve(Blueprint req, Knowledge kb) {
    PlatformFacts p = req.platform();
    PlatformFacts platform =
        p == null
            ? null
            : new PlatformFacts(
                p.hosting(), p.provider(), p.operations(), ids(p.adopt(), kb), ids(p.avoid(), kb));
    Requirements r = req.requirements();
    List<Constraint> constraints =
        r.constraints().stream()
            .map(
                c ->
                    new Constraint(
                        c.id(), c.text(), c.raisedBy(), id(c.requires(), kb), id(c.avoids(), kb)))
            .toList();
    return new Blueprint(
        req.blueprint(),
        req.engagement(),
        platform,
        new Requirements(r.functional(), r.nonFunctional(), constraints),
        req.sources(),
        req.data(),
        req.consumers(),
        req.architecture());
  }

  private static List<String> ids(List<String> names, Knowledge kb) {
    return names.stream().map(n -> id(n, kb)).distinct().toList();
  }

  private static String id(String name, Knowledge kb) {
    String id = optionOf(name, kb);
    return id == null ? name : id;
  }
}
