package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A question for the problem owner: what is missing, and what the answer decides. */
@JsonPropertyOrder({"id", "topic", "question", "why", "about"})
public record Question(String id, String topic, String question, String why, List<String> about) {
  public Question {
    about = List.copyOf(about);
  }
}
