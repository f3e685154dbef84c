package dev.blueprint.core.advice.knowledge;

import java.util.List;

/** One option of a decision, e.g. Kafka; aliases recognise it in an existing system's parts. */
public record OptionDef(String id, String name, String summary, List<String> aliases) {
  public OptionDef {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }
}
