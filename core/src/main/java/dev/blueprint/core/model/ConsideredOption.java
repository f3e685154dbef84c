package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One option a decision considered, with its pros and cons. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConsideredOption(
    String name, String description, List<String> pros, List<String> cons) {

  public ConsideredOption {
    pros = Lists.copy(pros);
    cons = Lists.copy(cons);
  }
}
