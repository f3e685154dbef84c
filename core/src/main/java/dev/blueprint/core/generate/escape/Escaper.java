package dev.blueprint.core.generate.escape;

/**
 * Turns a user string into text that is safe in one target language: a Python string literal, a
 * YAML scalar, an SQL literal, Markdown text, a shell word, ... Every user string reaches a
 * generated file through one of these.
 */
@FunctionalInterface
public interface Escaper {
  String escape(String value);
}
