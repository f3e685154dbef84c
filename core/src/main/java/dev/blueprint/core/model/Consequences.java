package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What gets better and what gets worse with a decision: every choice is a trade-off. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Consequences(List<String> good, List<String> bad) {

  public Consequences {
    good = Lists.copy(good);
    bad = Lists.copy(bad);
  }
}
