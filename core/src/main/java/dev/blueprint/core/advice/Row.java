package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A criterion of a comparison matrix with its weight, the requirements behind it and cells. */
@JsonPropertyOrder({"criterion", "name", "weight", "drivers", "cells"})
public record Row(
    String criterion, String name, int weight, List<String> drivers, List<Cell> cells) {
  public Row {
    drivers = List.copyOf(drivers);
    cells = List.copyOf(cells);
  }

  public Cell cell(String option) {
    return cells.stream().filter(c -> c.option().equals(option)).findFirst().orElseThrow();
  }
}
